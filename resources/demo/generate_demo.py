#!/usr/bin/env python3
"""Generate the cio-studio demo workspace data set.

Writes newsletters.json, snippets.json, segments.json, senders.json,
workspace.json, customers.json and deliveries.json next to this script, then
validates them.

Python 3.11, standard library only. The output is fully deterministic: a fixed
random seed and fixed timestamps (2026-09 .. 2026-11, unix seconds, UTC), so
re-running the script produces byte-identical files.

    python3 resources/demo/generate_demo.py            # write + validate
    python3 resources/demo/generate_demo.py --check    # validate existing files only

The fictional brand is "Northwind Outdoor", an outdoor-gear and travel retailer
(HQ Portland, OR; EU office Berlin). All people, addresses and domains are
invented; e-mail addresses of people use example.com/.org/.net only.
"""

import base64
import datetime
import hashlib
import json
import os
import random
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
SEED = 20261124
UTC = datetime.timezone.utc


def ts(y, mo, d, h=0, mi=0):
    return int(datetime.datetime(y, mo, d, h, mi, tzinfo=UTC).timestamp())


BASE = ts(2026, 9, 1)          # start of the demo period
NOW = ts(2026, 11, 24, 10, 0)  # "today" in the demo workspace
HOUR = 3600
DAY = 86400

SITE = "https://www.northwind.example"
IMG = "https://images.northwind.example"

# Languages: "" is the Default variant (English copy).
ALL_LANGS = ["de", "fr", "es", "it", "nl", "pt-BR", "ja", "pl", "sv", "da", "fi", "tr", "ko", "zh-Hans"]
HTML_LANG = {"": "en", "zh-Hans": "zh-Hans", "pt-BR": "pt-BR"}
# Localized footer snippet per language (others use the generic `footer`).
FOOTER_SNIPPET = {"de": "footer_de", "fr": "footer_fr", "es": "footer_es", "it": "footer_it",
                  "nl": "footer_nl", "pt-BR": "footer_pt_br", "ja": "footer_ja", "pl": "footer_pl",
                  "sv": "footer_sv"}

# ---------------------------------------------------------------------------
# Shared UI strings per language ("en" = the Default variant)
# {points} is replaced by a Liquid expression.
# ---------------------------------------------------------------------------
COMMON = {
    "en": dict(
        greet='Hi {{ customer.first_name | default: "there" }},',
        view="View this email in your browser",
        shop_now="Shop now", see_collection="See the collection", read_more="Read more",
        register="Save my spot", learn_more="Learn more", download_app="Get the app",
        this_week="This week on the trail", gear_pick="Gear pick of the week",
        pro_yes="You have <strong>{points}</strong> Trail Points waiting. Redeem them at checkout — they never expire while your Pro membership is active.",
        pro_no="Not a Pro member yet? Try Northwind Pro free for 30 days and earn 5 Trail Points for every dollar you spend.",
        join_pro="Start my free trial",
        why_topic="You are receiving this email because you subscribed to “{% subscription_topic_name %}”.",
        why_generic="You are receiving this email because you have a Northwind Outdoor account.",
        unsubscribe="Unsubscribe", preferences="Manage preferences",
        date="Date", time="Time", location="Location",
        questions="Questions? Just reply to this email — our team in Portland and Berlin reads every message.",
        nps_q="How likely are you to recommend Northwind Outdoor to a friend?",
        nps_low="Not at all likely", nps_high="Extremely likely",
        pro_price="Pro price",
        balance="Your Trail Points balance", earned="Earned in October", tier="Membership",
        expiring="Expiring on December 31",
        sign="The Northwind team",
    ),
    "de": dict(
        greet='Hallo {{ customer.first_name | default: "zusammen" }},',
        view="E-Mail im Browser ansehen",
        shop_now="Jetzt shoppen", see_collection="Zur Kollektion", read_more="Weiterlesen",
        register="Platz sichern", learn_more="Mehr erfahren", download_app="App holen",
        this_week="Diese Woche auf dem Trail", gear_pick="Ausrüstungstipp der Woche",
        pro_yes="Du hast <strong>{points}</strong> Trail Points gesammelt. Löse sie an der Kasse ein – solange deine Pro-Mitgliedschaft aktiv ist, verfallen sie nicht.",
        pro_no="Noch kein Pro-Mitglied? Teste Northwind Pro 30 Tage kostenlos und sammle für jeden ausgegebenen Euro 5 Trail Points.",
        join_pro="Gratis testen",
        why_topic="Du erhältst diese E-Mail, weil du „{% subscription_topic_name %}“ abonniert hast.",
        why_generic="Du erhältst diese E-Mail, weil du ein Konto bei Northwind Outdoor hast.",
        unsubscribe="Abmelden", preferences="Einstellungen verwalten",
        date="Datum", time="Uhrzeit", location="Ort",
        questions="Fragen? Antworte einfach auf diese E-Mail – unser Team in Portland und Berlin liest jede Nachricht.",
        nps_q="Wie wahrscheinlich ist es, dass du Northwind Outdoor einem Freund empfiehlst?",
        nps_low="Sehr unwahrscheinlich", nps_high="Sehr wahrscheinlich",
        pro_price="Pro-Preis",
        balance="Dein Trail-Points-Stand", earned="Im Oktober gesammelt", tier="Mitgliedschaft",
        expiring="Verfallen am 31. Dezember",
        sign="Dein Northwind-Team",
    ),
    "fr": dict(
        greet='Bonjour {{ customer.first_name | default: "à vous" }},',
        view="Voir cet e-mail dans votre navigateur",
        shop_now="Je découvre", see_collection="Voir la collection", read_more="Lire la suite",
        register="Je réserve ma place", learn_more="En savoir plus", download_app="Télécharger l’app",
        this_week="Cette semaine sur les sentiers", gear_pick="L’équipement de la semaine",
        pro_yes="Vous avez <strong>{points}</strong> Trail Points en attente. Utilisez-les lors de votre commande : ils n’expirent pas tant que votre abonnement Pro est actif.",
        pro_no="Pas encore membre Pro ? Essayez Northwind Pro gratuitement pendant 30 jours et gagnez 5 Trail Points par euro dépensé.",
        join_pro="Commencer l’essai gratuit",
        why_topic="Vous recevez cet e-mail car vous êtes abonné(e) à « {% subscription_topic_name %} ».",
        why_generic="Vous recevez cet e-mail car vous avez un compte Northwind Outdoor.",
        unsubscribe="Se désabonner", preferences="Gérer mes préférences",
        date="Date", time="Heure", location="Lieu",
        questions="Une question ? Répondez simplement à cet e-mail : notre équipe à Portland et à Berlin lit chaque message.",
        nps_q="Quelle est la probabilité que vous recommandiez Northwind Outdoor à un ami ?",
        nps_low="Pas du tout probable", nps_high="Très probable",
        pro_price="Prix Pro",
        balance="Votre solde de Trail Points", earned="Gagnés en octobre", tier="Abonnement",
        expiring="Expirent le 31 décembre",
        sign="L’équipe Northwind",
    ),
    "es": dict(
        greet='Hola, {{ customer.first_name | default: "aventurero" }}:',
        view="Ver este correo en el navegador",
        shop_now="Comprar ahora", see_collection="Ver la colección", read_more="Leer más",
        register="Reservar mi plaza", learn_more="Más información", download_app="Descargar la app",
        this_week="Esta semana en el sendero", gear_pick="El equipo de la semana",
        pro_yes="Tienes <strong>{points}</strong> Trail Points esperándote. Canjéalos al pagar: no caducan mientras tu membresía Pro esté activa.",
        pro_no="¿Aún no eres miembro Pro? Prueba Northwind Pro gratis durante 30 días y gana 5 Trail Points por cada euro que gastes.",
        join_pro="Empezar la prueba gratis",
        why_topic="Recibes este correo porque te suscribiste a «{% subscription_topic_name %}».",
        why_generic="Recibes este correo porque tienes una cuenta en Northwind Outdoor.",
        unsubscribe="Darse de baja", preferences="Gestionar preferencias",
        date="Fecha", time="Hora", location="Lugar",
        questions="¿Tienes preguntas? Responde a este correo: nuestro equipo en Portland y Berlín lee todos los mensajes.",
        nps_q="¿Qué probabilidad hay de que recomiendes Northwind Outdoor a un amigo?",
        nps_low="Nada probable", nps_high="Muy probable",
        pro_price="Precio Pro",
        balance="Tu saldo de Trail Points", earned="Ganados en octubre", tier="Membresía",
        expiring="Caducan el 31 de diciembre",
        sign="El equipo de Northwind",
    ),
    "it": dict(
        greet='Ciao {{ customer.first_name | default: "esploratore" }},',
        view="Visualizza questa email nel browser",
        shop_now="Acquista ora", see_collection="Scopri la collezione", read_more="Continua a leggere",
        register="Prenota il mio posto", learn_more="Scopri di più", download_app="Scarica l’app",
        this_week="Questa settimana sul sentiero", gear_pick="L’attrezzatura della settimana",
        pro_yes="Hai <strong>{points}</strong> Trail Points da usare. Riscattali al checkout: non scadono finché la tua iscrizione Pro è attiva.",
        pro_no="Non sei ancora membro Pro? Prova Northwind Pro gratis per 30 giorni e guadagna 5 Trail Points per ogni euro speso.",
        join_pro="Inizia la prova gratuita",
        why_topic="Ricevi questa email perché sei iscritto a «{% subscription_topic_name %}».",
        why_generic="Ricevi questa email perché hai un account Northwind Outdoor.",
        unsubscribe="Annulla iscrizione", preferences="Gestisci preferenze",
        date="Data", time="Ora", location="Luogo",
        questions="Domande? Rispondi a questa email: il nostro team di Portland e Berlino legge ogni messaggio.",
        nps_q="Quanto è probabile che consiglieresti Northwind Outdoor a un amico?",
        nps_low="Per niente probabile", nps_high="Estremamente probabile",
        pro_price="Prezzo Pro",
        balance="Il tuo saldo Trail Points", earned="Guadagnati a ottobre", tier="Iscrizione",
        expiring="In scadenza il 31 dicembre",
        sign="Il team Northwind",
    ),
    "nl": dict(
        greet='Hoi {{ customer.first_name | default: "avonturier" }},',
        view="Bekijk deze e-mail in je browser",
        shop_now="Shop nu", see_collection="Bekijk de collectie", read_more="Lees verder",
        register="Reserveer mijn plek", learn_more="Meer informatie", download_app="Download de app",
        this_week="Deze week op pad", gear_pick="Uitrustingstip van de week",
        pro_yes="Je hebt <strong>{points}</strong> Trail Points klaarstaan. Wissel ze in bij het afrekenen – ze vervallen niet zolang je Pro-lidmaatschap actief is.",
        pro_no="Nog geen Pro-lid? Probeer Northwind Pro 30 dagen gratis en verdien 5 Trail Points per uitgegeven euro.",
        join_pro="Start mijn gratis proefperiode",
        why_topic="Je ontvangt deze e-mail omdat je je hebt aangemeld voor ‘{% subscription_topic_name %}’.",
        why_generic="Je ontvangt deze e-mail omdat je een account hebt bij Northwind Outdoor.",
        unsubscribe="Afmelden", preferences="Voorkeuren beheren",
        date="Datum", time="Tijd", location="Locatie",
        questions="Vragen? Beantwoord gewoon deze e-mail – ons team in Portland en Berlijn leest elk bericht.",
        nps_q="Hoe waarschijnlijk is het dat je Northwind Outdoor aan een vriend aanbeveelt?",
        nps_low="Helemaal niet waarschijnlijk", nps_high="Zeer waarschijnlijk",
        pro_price="Pro-prijs",
        balance="Je Trail Points-saldo", earned="Verdiend in oktober", tier="Lidmaatschap",
        expiring="Vervallen op 31 december",
        sign="Het Northwind-team",
    ),
    "pt-BR": dict(
        greet='Olá, {{ customer.first_name | default: "aventureiro" }}!',
        view="Ver este e-mail no navegador",
        shop_now="Comprar agora", see_collection="Ver a coleção", read_more="Continuar lendo",
        register="Garantir minha vaga", learn_more="Saiba mais", download_app="Baixar o app",
        this_week="Nesta semana na trilha", gear_pick="Equipamento da semana",
        pro_yes="Você tem <strong>{points}</strong> Trail Points esperando. Use-os no checkout — eles não expiram enquanto sua assinatura Pro estiver ativa.",
        pro_no="Ainda não é membro Pro? Experimente o Northwind Pro grátis por 30 dias e ganhe Trail Points em cada compra.",
        join_pro="Começar meu teste grátis",
        why_topic="Você está recebendo este e-mail porque se inscreveu em “{% subscription_topic_name %}”.",
        why_generic="Você está recebendo este e-mail porque tem uma conta na Northwind Outdoor.",
        unsubscribe="Cancelar inscrição", preferences="Gerenciar preferências",
        date="Data", time="Horário", location="Local",
        questions="Dúvidas? É só responder a este e-mail — nossa equipe em Portland e Berlim lê todas as mensagens.",
        nps_q="Qual é a probabilidade de você recomendar a Northwind Outdoor a um amigo?",
        nps_low="Nada provável", nps_high="Extremamente provável",
        pro_price="Preço Pro",
        balance="Seu saldo de Trail Points", earned="Ganhos em outubro", tier="Assinatura",
        expiring="Expiram em 31 de dezembro",
        sign="Equipe Northwind",
    ),
    "ja": dict(
        greet='{{ customer.first_name | default: "お客" }}様、こんにちは。',
        view="ブラウザで表示",
        shop_now="今すぐチェック", see_collection="コレクションを見る", read_more="続きを読む",
        register="席を予約する", learn_more="詳しく見る", download_app="アプリを入手",
        this_week="今週のトレイル", gear_pick="今週のおすすめギア",
        pro_yes="現在 <strong>{points}</strong> Trail Points をお持ちです。お支払い時にご利用いただけます。Pro メンバーシップが有効な間、ポイントに有効期限はありません。",
        pro_no="まだ Pro メンバーではありませんか？Northwind Pro を30日間無料でお試しいただけ、お買い物ごとに Trail Points が貯まります。",
        join_pro="無料体験を始める",
        why_topic="このメールは「{% subscription_topic_name %}」にご登録いただいた方にお送りしています。",
        why_generic="このメールは Northwind Outdoor のアカウントをお持ちの方にお送りしています。",
        unsubscribe="配信停止", preferences="配信設定の変更",
        date="日付", time="時間", location="場所",
        questions="ご不明な点がございましたら、このメールにそのままご返信ください。ポートランドとベルリンのチームがすべてのメッセージに目を通しています。",
        nps_q="Northwind Outdoor を友人に薦める可能性はどのくらいありますか？",
        nps_low="まったく薦めない", nps_high="ぜひ薦めたい",
        pro_price="Pro 価格",
        balance="Trail Points 残高", earned="10月の獲得ポイント", tier="会員種別",
        expiring="12月31日に失効予定",
        sign="Northwind チーム",
    ),
    "pl": dict(
        greet='Cześć {{ customer.first_name | default: "podróżniku" }}!',
        view="Wyświetl tę wiadomość w przeglądarce",
        shop_now="Kupuj teraz", see_collection="Zobacz kolekcję", read_more="Czytaj dalej",
        register="Rezerwuję miejsce", learn_more="Dowiedz się więcej", download_app="Pobierz aplikację",
        this_week="W tym tygodniu na szlaku", gear_pick="Sprzęt tygodnia",
        pro_yes="Masz <strong>{points}</strong> Trail Points do wykorzystania. Wymień je przy kasie – nie wygasają, dopóki Twoje członkostwo Pro jest aktywne.",
        pro_no="Nie jesteś jeszcze członkiem Pro? Wypróbuj Northwind Pro za darmo przez 30 dni i zbieraj Trail Points przy każdym zakupie.",
        join_pro="Rozpocznij darmowy okres próbny",
        why_topic="Otrzymujesz tę wiadomość, ponieważ zapisałeś(-aś) się na „{% subscription_topic_name %}”.",
        why_generic="Otrzymujesz tę wiadomość, ponieważ masz konto w Northwind Outdoor.",
        unsubscribe="Wypisz się", preferences="Zarządzaj preferencjami",
        date="Data", time="Godzina", location="Miejsce",
        questions="Masz pytania? Po prostu odpowiedz na tę wiadomość – nasz zespół w Portland i Berlinie czyta każdą wiadomość.",
        nps_q="Jak prawdopodobne jest, że polecisz Northwind Outdoor znajomemu?",
        nps_low="Zupełnie nieprawdopodobne", nps_high="Bardzo prawdopodobne",
        pro_price="Cena Pro",
        balance="Twoje saldo Trail Points", earned="Zdobyte w październiku", tier="Członkostwo",
        expiring="Wygasają 31 grudnia",
        sign="Zespół Northwind",
    ),
    "sv": dict(
        greet='Hej {{ customer.first_name | default: "där" }}!',
        view="Visa mejlet i webbläsaren",
        shop_now="Handla nu", see_collection="Se kollektionen", read_more="Läs mer",
        register="Boka min plats", learn_more="Ta reda på mer", download_app="Hämta appen",
        this_week="Veckan på leden", gear_pick="Veckans utrustningstips",
        pro_yes="Du har <strong>{points}</strong> Trail Points som väntar. Lös in dem i kassan – de förfaller inte så länge ditt Pro-medlemskap är aktivt.",
        pro_no="Inte Pro-medlem än? Prova Northwind Pro gratis i 30 dagar och samla Trail Points på varje köp.",
        join_pro="Starta min gratisperiod",
        why_topic="Du får det här mejlet eftersom du prenumererar på ”{% subscription_topic_name %}”.",
        why_generic="Du får det här mejlet eftersom du har ett konto hos Northwind Outdoor.",
        unsubscribe="Avsluta prenumerationen", preferences="Hantera inställningar",
        date="Datum", time="Tid", location="Plats",
        questions="Frågor? Svara bara på det här mejlet – vårt team i Portland och Berlin läser varje meddelande.",
        nps_q="Hur troligt är det att du skulle rekommendera Northwind Outdoor till en vän?",
        nps_low="Inte alls troligt", nps_high="Mycket troligt",
        pro_price="Pro-pris",
        balance="Ditt Trail Points-saldo", earned="Intjänade i oktober", tier="Medlemskap",
        expiring="Förfaller 31 december",
        sign="Northwind-teamet",
    ),
    "da": dict(
        greet='Hej {{ customer.first_name | default: "med dig" }},',
        view="Se e-mailen i din browser",
        shop_now="Shop nu", see_collection="Se kollektionen", read_more="Læs mere",
        register="Reservér min plads", learn_more="Få mere at vide", download_app="Hent appen",
        this_week="Ugen på stien", gear_pick="Ugens udstyrstip",
        pro_yes="Du har <strong>{points}</strong> Trail Points, der venter. Indløs dem ved kassen – de udløber ikke, så længe dit Pro-medlemskab er aktivt.",
        pro_no="Ikke Pro-medlem endnu? Prøv Northwind Pro gratis i 30 dage, og optjen Trail Points på hvert køb.",
        join_pro="Start min gratis prøveperiode",
        why_topic="Du modtager denne e-mail, fordi du abonnerer på »{% subscription_topic_name %}«.",
        why_generic="Du modtager denne e-mail, fordi du har en konto hos Northwind Outdoor.",
        unsubscribe="Afmeld", preferences="Administrer præferencer",
        date="Dato", time="Tidspunkt", location="Sted",
        questions="Spørgsmål? Svar blot på denne e-mail – vores team i Portland og Berlin læser hver besked.",
        nps_q="Hvor sandsynligt er det, at du vil anbefale Northwind Outdoor til en ven?",
        nps_low="Slet ikke sandsynligt", nps_high="Meget sandsynligt",
        pro_price="Pro-pris",
        balance="Din Trail Points-saldo", earned="Optjent i oktober", tier="Medlemskab",
        expiring="Udløber 31. december",
        sign="Northwind-teamet",
    ),
    "fi": dict(
        greet='Hei {{ customer.first_name | default: "retkeilijä" }}!',
        view="Näytä viesti selaimessa",
        shop_now="Osta nyt", see_collection="Katso mallisto", read_more="Lue lisää",
        register="Varaa paikkani", learn_more="Tutustu tarkemmin", download_app="Lataa sovellus",
        this_week="Tällä viikolla poluilla", gear_pick="Viikon varustevinkki",
        pro_yes="Sinulla on <strong>{points}</strong> Trail Pointsia odottamassa. Käytä ne kassalla – ne eivät vanhene niin kauan kuin Pro-jäsenyytesi on voimassa.",
        pro_no="Etkö ole vielä Pro-jäsen? Kokeile Northwind Prota 30 päivää maksutta ja kerää Trail Pointseja jokaisesta ostoksesta.",
        join_pro="Aloita maksuton kokeilu",
        why_topic="Saat tämän viestin, koska olet tilannut ”{% subscription_topic_name %}” -viestit.",
        why_generic="Saat tämän viestin, koska sinulla on Northwind Outdoor -tili.",
        unsubscribe="Peru tilaus", preferences="Muokkaa asetuksia",
        date="Päivämäärä", time="Aika", location="Paikka",
        questions="Kysyttävää? Vastaa tähän viestiin – tiimimme Portlandissa ja Berliinissä lukee jokaisen viestin.",
        nps_q="Kuinka todennäköisesti suosittelisit Northwind Outdooria ystävällesi?",
        nps_low="Erittäin epätodennäköisesti", nps_high="Erittäin todennäköisesti",
        pro_price="Pro-hinta",
        balance="Trail Points -saldosi", earned="Ansaittu lokakuussa", tier="Jäsenyys",
        expiring="Vanhenee 31. joulukuuta",
        sign="Northwind-tiimi",
    ),
    "tr": dict(
        greet='Merhaba {{ customer.first_name | default: "doğa sever" }},',
        view="Bu e-postayı tarayıcıda görüntüle",
        shop_now="Hemen alışveriş yap", see_collection="Koleksiyonu gör", read_more="Devamını oku",
        register="Yerimi ayırt", learn_more="Daha fazla bilgi", download_app="Uygulamayı indir",
        this_week="Bu hafta patikada", gear_pick="Haftanın ekipmanı",
        pro_yes="Kullanılmayı bekleyen <strong>{points}</strong> Trail Points puanın var. Ödeme sırasında kullan – Pro üyeliğin aktif olduğu sürece puanların silinmez.",
        pro_no="Henüz Pro üye değil misin? Northwind Pro’yu 30 gün ücretsiz dene ve her alışverişte Trail Points kazan.",
        join_pro="Ücretsiz denemeyi başlat",
        why_topic="Bu e-postayı “{% subscription_topic_name %}” aboneliğin nedeniyle alıyorsun.",
        why_generic="Bu e-postayı bir Northwind Outdoor hesabın olduğu için alıyorsun.",
        unsubscribe="Abonelikten çık", preferences="Tercihleri yönet",
        date="Tarih", time="Saat", location="Yer",
        questions="Sorun mu var? Bu e-postayı yanıtlaman yeterli – Portland ve Berlin’deki ekibimiz her mesajı okuyor.",
        nps_q="Northwind Outdoor’u bir arkadaşına tavsiye etme olasılığın nedir?",
        nps_low="Hiç olası değil", nps_high="Son derece olası",
        pro_price="Pro fiyatı",
        balance="Trail Points bakiyen", earned="Ekim ayında kazanılan", tier="Üyelik",
        expiring="31 Aralık’ta sona erecek",
        sign="Northwind Ekibi",
    ),
    "ko": dict(
        greet='{{ customer.first_name | default: "고객" }}님, 안녕하세요!',
        view="브라우저에서 보기",
        shop_now="지금 쇼핑하기", see_collection="컬렉션 보기", read_more="더 읽기",
        register="자리 예약하기", learn_more="자세히 보기", download_app="앱 다운로드",
        this_week="이번 주 트레일 소식", gear_pick="이번 주 추천 장비",
        pro_yes="사용 가능한 Trail Points가 <strong>{points}</strong>점 있습니다. 결제 시 사용하세요. Pro 멤버십이 유지되는 동안에는 소멸되지 않습니다.",
        pro_no="아직 Pro 회원이 아니신가요? Northwind Pro를 30일 동안 무료로 체험하고 구매할 때마다 Trail Points를 적립하세요.",
        join_pro="무료 체험 시작하기",
        why_topic="“{% subscription_topic_name %}” 구독자에게 발송되는 메일입니다.",
        why_generic="Northwind Outdoor 계정을 보유한 고객님께 발송되는 메일입니다.",
        unsubscribe="수신 거부", preferences="수신 설정 관리",
        date="날짜", time="시간", location="장소",
        questions="궁금한 점이 있으신가요? 이 메일에 회신해 주세요. 포틀랜드와 베를린 팀이 모든 메시지를 확인합니다.",
        nps_q="Northwind Outdoor를 친구에게 추천할 가능성은 얼마나 되나요?",
        nps_low="전혀 추천하지 않음", nps_high="매우 추천함",
        pro_price="Pro 가격",
        balance="Trail Points 잔액", earned="10월 적립 포인트", tier="멤버십",
        expiring="12월 31일 소멸 예정",
        sign="Northwind 팀",
    ),
    "zh-Hans": dict(
        greet='{{ customer.first_name | default: "朋友" }}，你好！',
        view="在浏览器中查看此邮件",
        shop_now="立即选购", see_collection="查看系列", read_more="阅读全文",
        register="预留我的席位", learn_more="了解更多", download_app="下载 App",
        this_week="本周山野动态", gear_pick="本周装备推荐",
        pro_yes="你有 <strong>{points}</strong> 个 Trail Points 待使用。结账时即可抵扣——只要 Pro 会员有效，积分永不过期。",
        pro_no="还不是 Pro 会员？免费试用 Northwind Pro 30 天，每笔订单都能赚取 Trail Points。",
        join_pro="开始免费试用",
        why_topic="你收到此邮件，是因为你订阅了“{% subscription_topic_name %}”。",
        why_generic="你收到此邮件，是因为你拥有 Northwind Outdoor 账户。",
        unsubscribe="退订", preferences="管理订阅偏好",
        date="日期", time="时间", location="地点",
        questions="有疑问？直接回复此邮件即可——我们在波特兰和柏林的团队会阅读每一条消息。",
        nps_q="你向朋友推荐 Northwind Outdoor 的可能性有多大？",
        nps_low="完全不可能", nps_high="非常可能",
        pro_price="Pro 价格",
        balance="你的 Trail Points 余额", earned="10 月获得", tier="会员等级",
        expiring="12 月 31 日到期",
        sign="Northwind 团队",
    ),
}

# Locale argument for `format_number` per language (none for the Default).
NUM_LOCALE = {"de": "de", "fr": "fr", "es": "es", "it": "it", "nl": "nl", "pt-BR": "pt-BR", "ja": "ja",
              "pl": "pl", "sv": "sv", "da": "da", "fi": "fi", "tr": "tr", "ko": "ko", "zh-Hans": "zh"}

# ---------------------------------------------------------------------------
# Trail Notes stories: (slug, {lang: (title, teaser)})
# ---------------------------------------------------------------------------
STORIES = [
    ("autumn-ridge-walks", {
        "en": ("Five autumn ridge walks under 10 km", "Short on daylight? These loops deliver big views before the sun dips — with parking, water and café stops mapped."),
        "de": ("Fünf Herbst-Gratwanderungen unter 10 km", "Wenig Tageslicht? Diese Runden bieten große Aussichten, bevor die Sonne sinkt – mit Parkplätzen, Wasserstellen und Cafés auf der Karte."),
        "fr": ("Cinq randonnées de crête d’automne de moins de 10 km", "Peu de lumière ? Ces boucles offrent de superbes panoramas avant le coucher du soleil, avec parkings, points d’eau et cafés indiqués."),
        "es": ("Cinco rutas de cresta otoñales de menos de 10 km", "¿Poca luz? Estas rutas circulares regalan grandes vistas antes de que caiga el sol, con aparcamientos, fuentes y cafés señalados."),
        "nl": ("Vijf herfstige kamwandelingen onder de 10 km", "Weinig daglicht? Deze rondes bieden weidse uitzichten voordat de zon zakt – met parkeerplaatsen, water en cafés op de kaart."),
        "ja": ("10km以内で歩ける秋の稜線ハイク5選", "日が短い季節でも、日没前に絶景を楽しめる周回コースをご紹介。駐車場、水場、カフェの情報も地図にまとめました。"),
    }),
    ("waterproof-your-boots", {
        "en": ("How to waterproof your boots properly", "Wax, spray or cream? Our repair lead Tomás walks through each method and when to use it."),
        "de": ("So imprägnierst du deine Wanderschuhe richtig", "Wachs, Spray oder Creme? Tomás aus unserem Reparaturteam erklärt jede Methode und wann sie sinnvoll ist."),
        "fr": ("Bien imperméabiliser ses chaussures de randonnée", "Cire, spray ou crème ? Tomás, responsable de notre atelier, présente chaque méthode et quand l’utiliser."),
        "es": ("Cómo impermeabilizar bien tus botas", "¿Cera, spray o crema? Tomás, responsable de nuestro taller, explica cada método y cuándo usarlo."),
        "nl": ("Zo maak je je wandelschoenen echt waterdicht", "Was, spray of crème? Tomás van onze reparatieafdeling legt elke methode uit en wanneer je die gebruikt."),
        "ja": ("登山靴の正しい防水ケア", "ワックス、スプレー、クリーム、どれを選ぶ？リペア担当のトマスが、それぞれの方法と使い分けを解説します。"),
    }),
    ("first-night-packing-list", {
        "en": ("Packing list: your first night in the backcountry", "Everything you need for one night out — and the three things most beginners forget."),
        "de": ("Packliste: deine erste Nacht draußen", "Alles, was du für eine Nacht in der Natur brauchst – und die drei Dinge, die Einsteiger fast immer vergessen."),
        "fr": ("Liste de matériel : votre première nuit en pleine nature", "Tout ce qu’il faut pour une nuit dehors, et les trois choses que la plupart des débutants oublient."),
        "es": ("Lista de equipaje: tu primera noche en la montaña", "Todo lo que necesitas para una noche al aire libre y las tres cosas que casi todos los principiantes olvidan."),
        "nl": ("Paklijst: je eerste nacht in de wildernis", "Alles wat je nodig hebt voor één nacht buiten – en de drie dingen die de meeste beginners vergeten."),
        "ja": ("持ち物リスト：はじめてのテント泊", "一晩を外で過ごすために必要なものすべてと、初心者が忘れがちな3つのアイテムをまとめました。"),
    }),
    ("eagle-creek-trail-crew", {
        "en": ("Meet the trail crew rebuilding Eagle Creek", "We spent a weekend with the volunteers who keep one of Oregon’s busiest trails open."),
        "de": ("Unterwegs mit der Wegebau-Crew am Eagle Creek", "Wir haben ein Wochenende mit den Ehrenamtlichen verbracht, die einen der meistbegangenen Wege Oregons offen halten."),
        "fr": ("Rencontre avec l’équipe qui reconstruit le sentier d’Eagle Creek", "Nous avons passé un week-end avec les bénévoles qui entretiennent l’un des sentiers les plus fréquentés de l’Oregon."),
        "es": ("Con el equipo que reconstruye el sendero de Eagle Creek", "Pasamos un fin de semana con los voluntarios que mantienen abierto uno de los senderos más transitados de Oregón."),
        "nl": ("Op pad met de padenploeg van Eagle Creek", "We brachten een weekend door met de vrijwilligers die een van de drukste paden van Oregon begaanbaar houden."),
        "ja": ("イーグルクリークを再生するトレイルクルー", "オレゴンで最も人気のあるトレイルのひとつを守るボランティアたちと週末を過ごしました。"),
    }),
    ("layering-for-changing-weather", {
        "en": ("Layering for changing weather", "Base, mid, shell: the simple system that keeps you warm on the climb and dry on the descent."),
        "de": ("Das Zwiebelprinzip für wechselhaftes Wetter", "Basis, Isolation, Schale: das einfache System, das dich beim Aufstieg warm und beim Abstieg trocken hält."),
        "fr": ("S’habiller en couches quand la météo change", "Sous-couche, couche chaude, veste : le système simple qui vous garde au chaud à la montée et au sec à la descente."),
        "es": ("El sistema de capas para el tiempo cambiante", "Capa base, intermedia y exterior: el sistema sencillo que te mantiene caliente al subir y seco al bajar."),
        "nl": ("Laagjes dragen bij wisselend weer", "Basis, isolatie, shell: het eenvoudige systeem dat je warm houdt tijdens de klim en droog bij de afdaling."),
        "ja": ("変わりやすい天気のレイヤリング術", "ベース、ミッド、シェル。登りでは暖かく、下りでは濡れないシンプルな重ね着の基本です。"),
    }),
    ("quiet-dolomites", {
        "en": ("The quiet side of the Dolomites", "Skip the crowds at Tre Cime with these three huts our Berlin team swears by."),
        "de": ("Die stille Seite der Dolomiten", "Den Massen an den Drei Zinnen ausweichen: drei Hütten, auf die unser Berliner Team schwört."),
        "fr": ("Le côté tranquille des Dolomites", "Évitez la foule des Tre Cime grâce à ces trois refuges que notre équipe berlinoise adore."),
        "es": ("El lado tranquilo de los Dolomitas", "Evita las multitudes de las Tre Cime con estos tres refugios que nuestro equipo de Berlín recomienda."),
        "nl": ("De rustige kant van de Dolomieten", "Ontloop de drukte bij de Tre Cime met deze drie hutten waar ons Berlijnse team bij zweert."),
        "ja": ("ドロミテの静かな一面", "トレ・チーメの混雑を避けて。ベルリンのスタッフがおすすめする3つの山小屋をご紹介します。"),
    }),
    ("headlamp-buying-guide", {
        "en": ("Headlamp buying guide 2026", "Lumens, beam patterns and battery life explained — plus the model we’d pick for every budget."),
        "de": ("Stirnlampen-Kaufberatung 2026", "Lumen, Leuchtbild und Akkulaufzeit erklärt – plus unsere Empfehlung für jedes Budget."),
        "fr": ("Guide d’achat des lampes frontales 2026", "Lumens, faisceaux et autonomie expliqués, avec le modèle que nous choisirions pour chaque budget."),
        "es": ("Guía de compra de frontales 2026", "Lúmenes, tipos de haz y autonomía, explicados; además, el modelo que elegiríamos para cada presupuesto."),
        "nl": ("Koopgids hoofdlampen 2026", "Lumen, lichtbundels en batterijduur uitgelegd – plus het model dat wij per budget zouden kiezen."),
        "ja": ("ヘッドランプ選びガイド2026", "ルーメン、配光、バッテリー持続時間を解説。予算別のおすすめモデルもご紹介します。"),
    }),
    ("one-pot-chili", {
        "en": ("Cooking on the trail: one-pot chili", "A warming dinner with eight ingredients, one pot and zero washing-up stress."),
        "de": ("Kochen unterwegs: Chili aus einem Topf", "Ein wärmendes Abendessen mit acht Zutaten, einem Topf und ohne Abwaschstress."),
        "fr": ("Cuisiner en bivouac : le chili en une casserole", "Un dîner réconfortant avec huit ingrédients, une seule casserole et presque pas de vaisselle."),
        "es": ("Cocina en ruta: chili en una sola olla", "Una cena reconfortante con ocho ingredientes, una olla y nada de estrés a la hora de fregar."),
        "nl": ("Koken onderweg: chili uit één pan", "Een verwarmend diner met acht ingrediënten, één pan en geen afwasstress."),
        "ja": ("山ごはん：ワンポットで作るチリコンカン", "材料は8つ、鍋はひとつ。後片付けもラクな、体が温まる夕食レシピです。"),
    }),
    ("leave-no-trace", {
        "en": ("Leave No Trace, revisited", "Seven principles, explained with real examples from our customers’ trips."),
        "de": ("Leave No Trace – neu betrachtet", "Sieben Grundsätze, erklärt mit echten Beispielen aus den Touren unserer Kundinnen und Kunden."),
        "fr": ("Leave No Trace, le retour", "Sept principes expliqués à partir d’exemples réels tirés des sorties de nos clients."),
        "es": ("Leave No Trace, de nuevo", "Siete principios explicados con ejemplos reales de las salidas de nuestros clientes."),
        "nl": ("Leave No Trace, opnieuw bekeken", "Zeven principes, uitgelegd met echte voorbeelden uit de tochten van onze klanten."),
        "ja": ("改めて考える「Leave No Trace」", "7つの原則を、お客様の実際の山行エピソードとともに解説します。"),
    }),
    ("first-snow-winter-hiking", {
        "en": ("First snow: switching to winter hiking", "Traction, shorter days and avalanche basics — what changes when the trails turn white."),
        "de": ("Erster Schnee: der Umstieg aufs Winterwandern", "Grödel, kürzere Tage und Lawinen-Grundwissen – was sich ändert, wenn die Wege weiß werden."),
        "fr": ("Premières neiges : passer à la randonnée d’hiver", "Crampons, journées plus courtes et bases de la sécurité avalanche : ce qui change quand les sentiers blanchissent."),
        "es": ("Primeras nieves: pásate al senderismo invernal", "Tracción, días más cortos y nociones de aludes: lo que cambia cuando los senderos se vuelven blancos."),
        "nl": ("Eerste sneeuw: overstappen op winterwandelen", "Grip, kortere dagen en lawinebasics – wat er verandert als de paden wit worden."),
        "ja": ("初雪の季節：冬山ハイクへの切り替え", "滑り止め、短い日照時間、雪崩の基礎知識。トレイルが白くなったら気をつけたいことをまとめました。"),
    }),
    ("sleeping-pad-repair", {
        "en": ("Repair, don’t replace: patching a sleeping pad", "A slow leak doesn’t have to end a trip. Here’s how to find it and fix it in five minutes."),
        "de": ("Reparieren statt ersetzen: Isomatte flicken", "Ein kleines Loch muss keine Tour beenden. So findest und flickst du es in fünf Minuten."),
        "fr": ("Réparer plutôt que jeter : rustiner un matelas", "Une petite fuite ne doit pas gâcher une sortie. Voici comment la trouver et la réparer en cinq minutes."),
        "es": ("Repara, no sustituyas: parchear un aislante", "Una pequeña fuga no tiene por qué arruinar una salida. Así la encuentras y la reparas en cinco minutos."),
        "nl": ("Repareren in plaats van vervangen: een slaapmat plakken", "Een klein lek hoeft je tocht niet te verpesten. Zo vind en repareer je het in vijf minuten."),
        "ja": ("買い替えずに直す：スリーピングマットの補修", "小さな空気漏れで山行をあきらめる必要はありません。5分でできる見つけ方と直し方をご紹介します。"),
    }),
    ("stargazing-near-the-city", {
        "en": ("Stargazing spots near the city", "Dark-sky parks within two hours of Portland, Berlin and Munich — and what to pack for a cold night."),
        "de": ("Sterne beobachten in Stadtnähe", "Sternenparks höchstens zwei Stunden von Portland, Berlin und München entfernt – und was du für eine kalte Nacht einpackst."),
        "fr": ("Où observer les étoiles près de la ville", "Des réserves de ciel étoilé à moins de deux heures de Portland, Berlin et Munich, et quoi emporter pour une nuit froide."),
        "es": ("Dónde ver las estrellas cerca de la ciudad", "Reservas de cielo oscuro a menos de dos horas de Portland, Berlín y Múnich, y qué llevar para una noche fría."),
        "nl": ("Sterrenkijken vlak bij de stad", "Donkere-hemelparken binnen twee uur van Portland, Berlijn en München – en wat je meeneemt voor een koude nacht."),
        "ja": ("都市近郊の星空スポット", "ポートランド、ベルリン、ミュンヘンから2時間以内の星空保護区と、寒い夜に持っていきたい装備をご紹介。"),
    }),
    ("kids-on-the-trail", {
        "en": ("Kids on the trail: making hikes fun", "Snack stops, scavenger hunts and the right-size pack: tips from the parents on our team."),
        "de": ("Mit Kindern unterwegs: So macht Wandern Spaß", "Snackpausen, Schnitzeljagden und der passende Rucksack: Tipps von den Eltern in unserem Team."),
        "fr": ("Randonner avec des enfants : rendre la marche amusante", "Pauses goûter, chasses au trésor et sac à la bonne taille : les conseils des parents de notre équipe."),
        "es": ("Niños en el sendero: cómo hacer que disfruten", "Paradas para picar algo, búsquedas del tesoro y la mochila adecuada: consejos de los padres de nuestro equipo."),
        "nl": ("Met kinderen op pad: zo wordt wandelen leuk", "Snackpauzes, speurtochten en een rugzak op maat: tips van de ouders in ons team."),
        "ja": ("子どもと歩くトレイル：ハイキングを楽しくするコツ", "おやつ休憩、宝探しゲーム、体に合ったザック選び。子育て中のスタッフがコツを伝授します。"),
    }),
]

PRODUCTS = [
    # sku, name, price in USD, image/url slug
    ("NW-TNT-R2", "Ridgeline 2 Tent", 449, "ridgeline-2-tent"),
    ("NW-JKT-AUR", "Aurora Down Jacket", 289, "aurora-down-jacket"),
    ("NW-PCK-S45", "Summit Pack 45", 219, "summit-pack-45"),
    ("NW-BT-TRM", "Trailhead Mid GTX Boots", 189, "trailhead-mid-gtx"),
    ("NW-SB-CIR", "Cirrus −5° Sleeping Bag", 329, "cirrus-sleeping-bag"),
    ("NW-HL-400", "Beacon 400 Headlamp", 49, "beacon-400-headlamp"),
    ("NW-STV-TI", "Kettle Ti Stove", 79, "kettle-ti-stove"),
    ("NW-BL-M200", "Merino 200 Base Layer", 85, "merino-200-base-layer"),
    ("NW-SHL-STR", "Stormline Rain Shell", 239, "stormline-rain-shell"),
    ("NW-PAD-LFT", "Loft Air Sleeping Pad", 139, "loft-air-pad"),
    ("NW-POL-CRB", "Carbon Trekking Poles", 129, "carbon-trekking-poles"),
    ("NW-BTL-1L", "Insulated Bottle 1 L", 35, "insulated-bottle-1l"),
]

# ---------------------------------------------------------------------------
# Newsletter copy per kind: {lang: (subject, preheader, headline, intro)}
# ---------------------------------------------------------------------------
TN_ALSO = {"en": "Also inside: ", "de": "Außerdem: ", "fr": "Aussi au programme : ", "es": "También: ",
           "nl": "Verder: ", "ja": "ほかにも："}

COPY = {}
EXTRA = {}

COPY["fall_sale"] = {
    "en": ("Fall Gear Sale: up to 30% off tents, packs & layers", "Our biggest autumn sale starts today — 500+ items reduced, free shipping over $75 until Sept 27.", "Fall Gear Sale is on", "The leaves are turning and so are our prices: up to 30% off tents, packs, insulation and rain gear. Pro members get an extra 10% off on top — no code needed."),
    "de": ("Herbst-Sale: bis zu 30 % Rabatt auf Zelte, Rucksäcke & Bekleidung", "Unser größter Herbst-Sale startet heute: über 500 Artikel reduziert, gratis Versand ab 75 €.", "Der Herbst-Sale ist da", "Die Blätter färben sich, die Preise fallen: bis zu 30 % Rabatt auf Zelte, Rucksäcke, Isolationsjacken und Regenbekleidung. Pro-Mitglieder sparen zusätzlich 10 % – ganz ohne Code."),
    "fr": ("Soldes d’automne : jusqu’à -30 % sur les tentes, sacs et vêtements", "Nos plus grandes soldes d’automne commencent : plus de 500 articles réduits, livraison offerte dès 75 €.", "Les soldes d’automne sont lancées", "Les feuilles changent de couleur, nos prix aussi : jusqu’à -30 % sur les tentes, sacs à dos, doudounes et vestes de pluie. Les membres Pro profitent de 10 % supplémentaires, sans code."),
    "es": ("Rebajas de otoño: hasta un 30 % en tiendas, mochilas y ropa", "Empiezan nuestras mayores rebajas de otoño: más de 500 artículos rebajados y envío gratis desde 75 €.", "Llegan las rebajas de otoño", "Las hojas cambian de color y nuestros precios también: hasta un 30 % de descuento en tiendas de campaña, mochilas, chaquetas aislantes y ropa de lluvia. Los miembros Pro ahorran un 10 % adicional, sin código."),
    "it": ("Saldi d’autunno: fino al 30% su tende, zaini e abbigliamento", "Iniziano i nostri saldi d’autunno più grandi: oltre 500 articoli scontati, spedizione gratis sopra i 75 €.", "Sono arrivati i saldi d’autunno", "Le foglie cambiano colore e anche i nostri prezzi: fino al 30% di sconto su tende, zaini, piumini e giacche antipioggia. I membri Pro risparmiano un ulteriore 10%, senza codice."),
    "nl": ("Herfstsale: tot 30% korting op tenten, rugzakken en kleding", "Onze grootste herfstsale begint vandaag: meer dan 500 artikelen afgeprijsd, gratis verzending vanaf € 75.", "De herfstsale is begonnen", "De bladeren kleuren en onze prijzen dalen: tot 30% korting op tenten, rugzakken, isolatiejassen en regenkleding. Pro-leden krijgen er nog eens 10% korting bovenop, zonder code."),
    "pt-BR": ("Liquidação de Outono: até 30% off em barracas, mochilas e roupas", "Nossa maior liquidação de outono começa hoje: mais de 500 itens com desconto e frete grátis acima de R$ 399.", "A Liquidação de Outono começou", "As folhas estão mudando de cor e nossos preços também: até 30% de desconto em barracas, mochilas, jaquetas térmicas e roupas impermeáveis. Membros Pro ganham 10% extra, sem cupom."),
}
COPY["fall_last"] = {
    "en": ("Last chance: Fall Gear Sale ends Sunday at midnight", "Final hours to save up to 30% — popular sizes of the Aurora jacket and Summit Pack are going fast.", "Ends Sunday at midnight", "This is your last reminder: the Fall Gear Sale wraps up on Sunday, September 27 at 23:59. Restocked this morning: Trailhead boots in sizes 9–11 and the Stormline shell in every colour."),
    "de": ("Letzte Chance: Herbst-Sale endet Sonntag um Mitternacht", "Nur noch wenige Stunden bis zu 30 % sparen – beliebte Größen von Aurora-Jacke und Summit Pack sind bald weg.", "Endet Sonntag um Mitternacht", "Das ist deine letzte Erinnerung: Der Herbst-Sale endet am Sonntag, 27. September, um 23:59 Uhr. Heute Morgen nachgeliefert: Trailhead-Stiefel in den Größen 42–45 und die Stormline-Regenjacke in allen Farben."),
    "fr": ("Dernière chance : les soldes d’automne se terminent dimanche", "Plus que quelques heures pour économiser jusqu’à 30 % : les tailles phares de la doudoune Aurora partent vite.", "Fin dimanche à minuit", "Dernier rappel : les soldes d’automne se terminent le dimanche 27 septembre à 23 h 59. Réassort ce matin : chaussures Trailhead du 42 au 45 et veste Stormline dans tous les coloris."),
    "es": ("Última oportunidad: las rebajas de otoño terminan el domingo", "Últimas horas para ahorrar hasta un 30 %: las tallas más buscadas de la chaqueta Aurora vuelan.", "Terminan el domingo a medianoche", "Este es tu último aviso: las rebajas de otoño terminan el domingo 27 de septiembre a las 23:59. Repuesto esta mañana: botas Trailhead de la 42 a la 45 y la chaqueta Stormline en todos los colores."),
    "it": ("Ultima occasione: i saldi d’autunno finiscono domenica", "Ultime ore per risparmiare fino al 30%: le taglie più richieste del piumino Aurora stanno finendo.", "Finiscono domenica a mezzanotte", "È il tuo ultimo promemoria: i saldi d’autunno terminano domenica 27 settembre alle 23:59. Riassortiti stamattina: scarponi Trailhead dal 42 al 45 e giacca Stormline in tutti i colori."),
    "nl": ("Laatste kans: herfstsale eindigt zondag om middernacht", "Nog maar een paar uur tot 30% besparen – populaire maten van de Aurora-jas en Summit Pack gaan hard.", "Eindigt zondag om middernacht", "Dit is je laatste herinnering: de herfstsale eindigt op zondag 27 september om 23:59 uur. Vanochtend aangevuld: Trailhead-schoenen in maat 42–45 en de Stormline-regenjas in alle kleuren."),
}
COPY["ridgeline"] = {
    "en": ("Introducing the Ridgeline 2: our lightest tent yet", "1.4 kg, pitches in under three minutes and stands up to 80 km/h winds. Available from October 1.", "Meet the Ridgeline 2", "Two years, 40 prototypes and a stormy week on the Isle of Skye later, the Ridgeline 2 is here. It weighs just 1.4 kg, sets up in under three minutes and uses 100% recycled ripstop."),
    "de": ("Neu: das Ridgeline 2 – unser bisher leichtestes Zelt", "1,4 kg, in unter drei Minuten aufgebaut und sturmfest bis 80 km/h. Erhältlich ab 1. Oktober.", "Das ist das Ridgeline 2", "Zwei Jahre, 40 Prototypen und eine stürmische Woche auf der Isle of Skye später ist es da: das Ridgeline 2. Es wiegt nur 1,4 kg, steht in unter drei Minuten und besteht zu 100 % aus recyceltem Ripstop."),
    "fr": ("Voici la Ridgeline 2 : notre tente la plus légère", "1,4 kg, montée en moins de trois minutes et résistante à des vents de 80 km/h. Disponible dès le 1er octobre.", "Découvrez la Ridgeline 2", "Deux ans, 40 prototypes et une semaine de tempête sur l’île de Skye plus tard, la Ridgeline 2 est là. Elle pèse seulement 1,4 kg, se monte en moins de trois minutes et utilise un ripstop 100 % recyclé."),
    "ja": ("新登場：Ridgeline 2 ―― 史上最軽量のテント", "重さわずか1.4kg、3分以内で設営でき、風速80km/hにも耐える新型テント。10月1日発売です。", "Ridgeline 2 誕生", "2年間の開発、40個の試作品、そしてスカイ島での嵐の1週間を経て、Ridgeline 2 が完成しました。重さはわずか1.4kg、3分以内で設営でき、生地には100%リサイクルのリップストップを使用しています。"),
    "ko": ("Ridgeline 2 출시: 역대 가장 가벼운 텐트", "무게 1.4kg, 3분 이내 설치, 시속 80km 강풍에도 끄떡없는 텐트. 10월 1일부터 만나보세요.", "Ridgeline 2를 소개합니다", "2년의 개발 기간, 40개의 시제품, 그리고 스카이섬에서의 폭풍우 치는 일주일 끝에 Ridgeline 2가 탄생했습니다. 무게는 단 1.4kg, 3분 안에 설치할 수 있으며 100% 재활용 립스톱 원단을 사용했습니다."),
}
COPY["aurora"] = {
    "en": ("The Aurora Down Jacket is back — now with recycled down", "800-fill responsibly sourced down, a new storm hood and pockets that work with gloves on.", "Warmth without the weight", "Our best-selling jacket returns for winter 2026 with 100% recycled 800-fill down, a helmet-compatible storm hood and a packable design that squeezes into its own chest pocket."),
    "de": ("Die Aurora-Daunenjacke ist zurück – jetzt mit recycelter Daune", "800 Cuin verantwortungsvoll gewonnene Daune, neue Sturmkapuze und handschuhtaugliche Taschen.", "Wärme ohne Gewicht", "Unsere meistverkaufte Jacke kehrt für den Winter 2026 zurück: mit 100 % recycelter 800-Cuin-Daune, helmkompatibler Sturmkapuze und einem Packmaß, das in die eigene Brusttasche passt."),
    "fr": ("La doudoune Aurora est de retour, en duvet recyclé", "Duvet 800 cuin d’origine responsable, nouvelle capuche tempête et poches accessibles même avec des gants.", "La chaleur sans le poids", "Notre veste la plus vendue revient pour l’hiver 2026 avec un duvet 800 cuin 100 % recyclé, une capuche compatible casque et un format compressible qui tient dans sa propre poche poitrine."),
    "sv": ("Aurora-dunjackan är tillbaka – nu med återvunnet dun", "800 cuin ansvarsfullt framtaget dun, ny stormhuva och fickor som går att använda med handskar på.", "Värme utan vikt", "Vår mest sålda jacka är tillbaka inför vintern 2026 med 100 % återvunnet 800 cuin-dun, en hjälmkompatibel stormhuva och ett packbart format som ryms i den egna bröstfickan."),
    "fi": ("Aurora-untuvatakki on palannut – nyt kierrätetyllä untuvalla", "800 cuin vastuullisesti hankittua untuvaa, uusi myrskyhuppu ja taskut, joita voi käyttää hanskat kädessä.", "Lämpöä ilman painoa", "Myydyin takkimme palaa talveksi 2026: täytteenä 100 % kierrätetty 800 cuin -untuva, kypärän kanssa yhteensopiva myrskyhuppu ja pakattava malli, joka mahtuu omaan rintataskuunsa."),
    "ja": ("Aurora ダウンジャケットが再入荷 ―― リサイクルダウン仕様に", "責任ある調達の800フィルパワーダウン、新しいストームフード、手袋をしたままでも使えるポケットを搭載。", "軽さと暖かさを両立", "人気No.1のジャケットが2026年冬に帰ってきました。100%リサイクルの800フィルパワーダウン、ヘルメット対応のストームフード、胸ポケットに収納できるパッカブル仕様を備えています。"),
}
COPY["berlin_fest"] = {
    "en": ("You’re invited: Northwind at the Berlin Outdoor Festival", "Join us at booth B14 on October 3–4 for gear demos, talks and a free coffee on us.", "See you in Berlin!", "We’re bringing the Ridgeline 2 tent, the new Aurora jacket and our repair team to the Berlin Outdoor Festival at Tempelhof. Stop by booth B14, meet the designers and grab a free coffee."),
    "de": ("Du bist eingeladen: Northwind auf dem Berlin Outdoor Festival", "Besuche uns am 3. und 4. Oktober an Stand B14: Ausrüstung testen, Vorträge hören und einen Kaffee aufs Haus.", "Wir sehen uns in Berlin!", "Wir bringen das Ridgeline-2-Zelt, die neue Aurora-Jacke und unser Reparaturteam mit zum Berlin Outdoor Festival auf dem Tempelhofer Feld. Komm an Stand B14 vorbei, triff unsere Designer und hol dir einen Kaffee aufs Haus."),
}
COPY["layering"] = {
    "en": ("Live workshop: Layering 101 with guide Lena Hofmann", "Thursday, October 15 at 18:00 CET — 45 minutes, free, with live Q&A and a 15% voucher for attendees.", "Layering 101 — live and free", "Cold at the summit, sweaty on the climb? Mountain guide Lena Hofmann shows you how to combine base, mid and shell layers for any weather — and answers your questions live."),
    "de": ("Live-Workshop: Zwiebelprinzip 101 mit Bergführerin Lena Hofmann", "Donnerstag, 15. Oktober, 18:00 Uhr MEZ – 45 Minuten, kostenlos, mit Fragerunde und 15-%-Gutschein.", "Zwiebelprinzip 101 – live und kostenlos", "Oben am Gipfel kalt, beim Aufstieg verschwitzt? Bergführerin Lena Hofmann zeigt dir, wie du Basis-, Isolations- und Außenschicht für jedes Wetter kombinierst – und beantwortet deine Fragen live."),
    "fr": ("Atelier en direct : bien superposer ses couches avec Lena Hofmann", "Jeudi 15 octobre à 18 h (CET) : 45 minutes, gratuit, questions en direct et bon de 15 % pour les participants.", "Le système multicouche, en direct", "Froid au sommet, trempé de sueur dans la montée ? La guide de montagne Lena Hofmann vous montre comment combiner sous-couche, couche intermédiaire et veste pour chaque météo, et répond à vos questions en direct."),
    "es": ("Taller en directo: el sistema de capas con Lena Hofmann", "Jueves 15 de octubre a las 18:00 CET: 45 minutos, gratis, con preguntas en directo y un cupón del 15 %.", "El sistema de capas, en directo", "¿Frío en la cumbre y sudor en la subida? La guía de montaña Lena Hofmann te enseña a combinar capa base, intermedia y exterior para cualquier tiempo, y responde a tus preguntas en directo."),
}
COPY["munich"] = {
    "en": ("Grand opening: our new Munich store on Sendlinger Straße", "Opening weekend October 24–25: 20% off everything in store, free boot fitting and a climbing wall for kids.", "Munich, we’re open!", "Our second store in Germany opens its doors on Saturday, October 24. Expect 900 m² of gear, a repair bar, free boot fitting and a kids’ climbing wall — plus 20% off everything all weekend."),
    "de": ("Neueröffnung: unser neuer Store in der Sendlinger Straße in München", "Eröffnungswochenende 24.–25. Oktober: 20 % auf alles, gratis Schuh-Fitting und Kletterwand für Kinder.", "München, wir haben geöffnet!", "Unser zweiter Store in Deutschland öffnet am Samstag, 24. Oktober. Dich erwarten 900 m² Ausrüstung, eine Reparaturbar, kostenloses Schuh-Fitting und eine Kletterwand für Kinder – und das ganze Wochenende 20 % auf alles."),
}
COPY["pro_welcome"] = {
    "en": ("Northwind Pro is here: try it free for 30 days", "Earn Trail Points on every order, get free repairs for life and early access to every sale.", "Welcome to Northwind Pro", "Today we’re launching Northwind Pro, our membership for people who spend their weekends outside. Earn 5 Trail Points per dollar, enjoy free repairs on Northwind gear for life, free returns for 100 days and 24-hour early access to every sale. The first 30 days are on us."),
    "de": ("Northwind Pro ist da: 30 Tage kostenlos testen", "Trail Points bei jeder Bestellung, lebenslang kostenlose Reparaturen und früher Zugang zu jedem Sale.", "Willkommen bei Northwind Pro", "Heute starten wir Northwind Pro, unsere Mitgliedschaft für alle, die ihre Wochenenden draußen verbringen. Sammle 5 Trail Points pro Euro, lass Northwind-Ausrüstung ein Leben lang kostenlos reparieren, nutze 100 Tage Gratis-Rückgabe und 24 Stunden früheren Zugang zu jedem Sale. Die ersten 30 Tage gehen auf uns."),
    "fr": ("Northwind Pro est arrivé : 30 jours d’essai gratuit", "Des Trail Points à chaque commande, des réparations gratuites à vie et un accès anticipé aux soldes.", "Bienvenue dans Northwind Pro", "Nous lançons aujourd’hui Northwind Pro, l’adhésion pour celles et ceux qui passent leurs week-ends dehors : 5 Trail Points par euro dépensé, réparations gratuites à vie sur l’équipement Northwind, retours gratuits pendant 100 jours et accès aux soldes 24 heures avant tout le monde. Les 30 premiers jours sont offerts."),
    "es": ("Llega Northwind Pro: pruébalo gratis 30 días", "Trail Points en cada pedido, reparaciones gratis de por vida y acceso anticipado a las rebajas.", "Bienvenido a Northwind Pro", "Hoy lanzamos Northwind Pro, la membresía para quienes pasan los fines de semana al aire libre: 5 Trail Points por cada euro, reparaciones gratis de por vida en el equipo Northwind, devoluciones gratuitas durante 100 días y acceso a las rebajas 24 horas antes. Los primeros 30 días corren de nuestra cuenta."),
    "nl": ("Northwind Pro is er: probeer het 30 dagen gratis", "Verdien Trail Points bij elke bestelling, krijg levenslang gratis reparaties en vroege toegang tot elke sale.", "Welkom bij Northwind Pro", "Vandaag lanceren we Northwind Pro, het lidmaatschap voor iedereen die zijn weekenden buiten doorbrengt. Verdien 5 Trail Points per euro, laat Northwind-uitrusting levenslang gratis repareren, retourneer 100 dagen gratis en shop elke sale 24 uur eerder. De eerste 30 dagen zijn van ons."),
    "pl": ("Northwind Pro już jest: wypróbuj za darmo przez 30 dni", "Trail Points za każde zamówienie, darmowe naprawy i wcześniejszy dostęp do wyprzedaży.", "Witaj w Northwind Pro", "Dziś startujemy z Northwind Pro, członkostwem dla wszystkich, którzy weekendy spędzają na zewnątrz. Zbieraj 5 Trail Points za każdą złotówkę, korzystaj z dożywotnich bezpłatnych napraw sprzętu Northwind, darmowych zwrotów przez 100 dni i dostępu do wyprzedaży 24 godziny wcześniej. Pierwsze 30 dni na nasz koszt."),
}
COPY["app_launch"] = {
    "en": ("The Northwind app is here: trail maps, offline and free", "Download offline maps, track your hikes, check store stock and keep your Pro card on your phone.", "Your trails, in your pocket", "The new Northwind app for iOS and Android puts 12,000 trail maps in your pocket — offline. Log your hikes, check stock in your nearest store and show your Pro card at the till."),
    "de": ("Die Northwind-App ist da: Wanderkarten, offline und kostenlos", "Lade Offline-Karten, zeichne Touren auf, prüfe den Store-Bestand und hab deine Pro-Karte immer dabei.", "Deine Trails in der Hosentasche", "Die neue Northwind-App für iOS und Android bringt 12.000 Wanderkarten auf dein Smartphone – auch offline. Zeichne Touren auf, prüfe den Bestand in deinem Store und zeig deine Pro-Karte an der Kasse."),
    "fr": ("L’app Northwind est là : cartes de randonnée hors ligne et gratuites", "Téléchargez des cartes hors ligne, enregistrez vos sorties et gardez votre carte Pro sur votre téléphone.", "Vos sentiers dans la poche", "La nouvelle app Northwind pour iOS et Android met 12 000 cartes de randonnée dans votre poche, même hors ligne. Enregistrez vos sorties, vérifiez le stock de votre magasin et présentez votre carte Pro en caisse."),
    "es": ("Ya está aquí la app de Northwind: mapas de rutas sin conexión y gratis", "Descarga mapas sin conexión, registra tus rutas y lleva tu tarjeta Pro siempre en el móvil.", "Tus rutas, en tu bolsillo", "La nueva app de Northwind para iOS y Android pone 12.000 mapas de senderos en tu bolsillo, incluso sin conexión. Registra tus rutas, consulta el stock de tu tienda y muestra tu tarjeta Pro en caja."),
    "ja": ("Northwind アプリ登場：オフラインで使える無料トレイルマップ", "オフライン地図のダウンロード、山行の記録、店舗での在庫確認、Pro 会員証の表示がこれひとつで。", "トレイルをポケットに", "iOS・Android 向けの新しい Northwind アプリで、12,000本のトレイルマップをオフラインでも持ち歩けます。山行を記録し、最寄り店舗の在庫を確認し、レジでは Pro 会員証を提示するだけ。"),
}
COPY["nps"] = {
    "en": ("Quick question: how are we doing?", "One click, ten seconds: tell us how likely you are to recommend Northwind to a friend.", "We’d love your honest opinion", "You’ve shopped with us this year, and we want to know how it went. Pick a number below — it takes ten seconds, and every answer is read by our customer team."),
    "de": ("Kurze Frage: Wie machen wir uns?", "Ein Klick, zehn Sekunden: Sag uns, wie wahrscheinlich du Northwind einem Freund empfiehlst.", "Deine ehrliche Meinung zählt", "Du hast dieses Jahr bei uns eingekauft, und wir möchten wissen, wie es dir gefallen hat. Wähle unten eine Zahl – das dauert zehn Sekunden, und jede Antwort wird von unserem Kundenteam gelesen."),
    "fr": ("Petite question : comment s’en sort-on ?", "Un clic, dix secondes : dites-nous si vous recommanderiez Northwind à un ami.", "Votre avis sincère nous intéresse", "Vous avez commandé chez nous cette année et nous aimerions savoir comment cela s’est passé. Choisissez une note ci-dessous : cela prend dix secondes, et chaque réponse est lue par notre service client."),
    "es": ("Una pregunta rápida: ¿qué tal lo estamos haciendo?", "Un clic, diez segundos: dinos qué probabilidad hay de que recomiendes Northwind a un amigo.", "Queremos tu opinión sincera", "Este año has comprado con nosotros y queremos saber qué tal fue. Elige un número: tardarás diez segundos y nuestro equipo de atención al cliente lee cada respuesta."),
    "it": ("Una domanda veloce: come stiamo andando?", "Un clic, dieci secondi: dicci quanto è probabile che consiglieresti Northwind a un amico.", "Ci interessa la tua opinione sincera", "Quest’anno hai acquistato da noi e vogliamo sapere com’è andata. Scegli un numero qui sotto: ci vogliono dieci secondi e il nostro servizio clienti legge ogni risposta."),
    "nl": ("Korte vraag: hoe doen we het?", "Eén klik, tien seconden: laat ons weten hoe waarschijnlijk het is dat je Northwind aanraadt.", "We horen graag je eerlijke mening", "Je hebt dit jaar bij ons gewinkeld en we willen graag weten hoe dat beviel. Kies hieronder een cijfer – het kost tien seconden en ons klantenteam leest elk antwoord."),
    "ja": ("アンケートのお願い：Northwind はいかがでしたか？", "クリックひとつ、約10秒で完了します。Northwind を友人に薦める可能性を教えてください。", "率直なご意見をお聞かせください", "今年 Northwind をご利用いただき、ありがとうございました。下の数字をひとつ選ぶだけで回答できます（約10秒）。いただいたご回答はすべてカスタマーチームが拝見します。"),
}
COPY["holiday_hours"] = {
    "en": ("Holiday opening hours for our stores and customer service", "Planning a last-minute visit? Here’s when our stores and support team are open over the holidays.", "Our holiday opening hours", "Our stores in Portland, Seattle, Berlin and Munich have shorter hours between December 24 and January 1. Online orders keep shipping, and our support team answers emails every day except Christmas Day and New Year’s Day."),
    "de": ("Feiertags-Öffnungszeiten unserer Stores und des Kundenservice", "Noch schnell vorbeikommen? So sind unsere Stores und unser Service über die Feiertage geöffnet.", "Unsere Öffnungszeiten an den Feiertagen", "Unsere Stores in Portland, Seattle, Berlin und München haben vom 24. Dezember bis 1. Januar verkürzte Öffnungszeiten. Onlinebestellungen werden weiter verschickt, und unser Service beantwortet E-Mails täglich – außer am 1. Weihnachtstag und an Neujahr."),
    "fr": ("Horaires des fêtes de nos magasins et du service client", "Une visite de dernière minute ? Voici nos horaires en magasin et au service client pendant les fêtes.", "Nos horaires pendant les fêtes", "Nos magasins de Portland, Seattle, Berlin et Munich ont des horaires réduits du 24 décembre au 1er janvier. Les commandes en ligne continuent d’être expédiées, et notre service client répond aux e-mails tous les jours, sauf le 25 décembre et le 1er janvier."),
    "nl": ("Openingstijden tijdens de feestdagen", "Nog snel langskomen? Zo zijn onze winkels en klantenservice tijdens de feestdagen geopend.", "Onze openingstijden tijdens de feestdagen", "Onze winkels in Portland, Seattle, Berlijn en München hebben van 24 december tot en met 1 januari aangepaste openingstijden. Online bestellingen worden gewoon verzonden en onze klantenservice beantwoordt elke dag e-mails, behalve op eerste kerstdag en nieuwjaarsdag."),
    "sv": ("Öppettider under helgerna för butiker och kundtjänst", "Planerar du ett besök i sista minuten? Här ser du när våra butiker och vår kundtjänst har öppet i jul.", "Våra öppettider under helgerna", "Våra butiker i Portland, Seattle, Berlin och München har kortare öppettider mellan 24 december och 1 januari. Webbeställningar skickas som vanligt, och kundtjänst svarar på mejl varje dag utom juldagen och nyårsdagen."),
    "da": ("Åbningstider i julen for vores butikker og kundeservice", "Planlægger du et besøg i sidste øjeblik? Her kan du se, hvornår butikker og kundeservice har åbent i julen.", "Vores åbningstider i julen", "Vores butikker i Portland, Seattle, Berlin og München har kortere åbningstider fra 24. december til 1. januar. Onlineordrer sendes som normalt, og kundeservice besvarer e-mails hver dag undtagen juledag og nytårsdag."),
    "fi": ("Myymälöiden ja asiakaspalvelun aukioloajat juhlapyhinä", "Suunnitteletko viime hetken käyntiä? Tästä näet, milloin myymälämme ja asiakaspalvelumme palvelevat pyhinä.", "Aukioloajat juhlapyhinä", "Myymälämme Portlandissa, Seattlessa, Berliinissä ja Münchenissä ovat auki lyhennetyin ajoin 24.12.–1.1. Verkkotilaukset lähtevät normaalisti, ja asiakaspalvelu vastaa sähköposteihin joka päivä joulupäivää ja uudenvuodenpäivää lukuun ottamatta."),
    "pl": ("Godziny otwarcia sklepów i obsługi klienta w okresie świątecznym", "Planujesz wizytę w ostatniej chwili? Sprawdź, kiedy nasze sklepy i obsługa klienta działają w święta.", "Godziny otwarcia w okresie świątecznym", "Nasze sklepy w Portland, Seattle, Berlinie i Monachium od 24 grudnia do 1 stycznia działają w skróconych godzinach. Zamówienia internetowe wysyłamy normalnie, a obsługa klienta odpowiada na e-maile codziennie, z wyjątkiem Bożego Narodzenia i Nowego Roku."),
}
COPY["privacy"] = {
    "en": ("Updates to our Privacy Policy and Terms (effective January 1, 2027)", "We’ve made our policies clearer. Here’s a short summary of what changes on January 1, 2027 — no action needed.", "We’re updating our Privacy Policy", "On January 1, 2027 our updated Privacy Policy and Terms of Sale take effect. Nothing changes about how much data we collect; we’ve rewritten both documents in plain language and added details you asked for. The main changes:"),
    "de": ("Aktualisierung unserer Datenschutzerklärung und AGB (gültig ab 1. Januar 2027)", "Wir haben unsere Richtlinien verständlicher gemacht. Hier eine kurze Zusammenfassung – du musst nichts tun.", "Wir aktualisieren unsere Datenschutzerklärung", "Am 1. Januar 2027 treten unsere aktualisierte Datenschutzerklärung und unsere neuen AGB in Kraft. An der Menge der erhobenen Daten ändert sich nichts; wir haben beide Dokumente in klarer Sprache neu geschrieben und Details ergänzt, nach denen ihr gefragt habt. Die wichtigsten Änderungen:"),
    "fr": ("Mise à jour de notre politique de confidentialité et de nos CGV (au 1er janvier 2027)", "Nos politiques deviennent plus claires. Résumé des changements au 1er janvier 2027 : aucune action requise.", "Nous mettons à jour notre politique de confidentialité", "Le 1er janvier 2027, notre politique de confidentialité et nos conditions générales de vente mises à jour entreront en vigueur. Nous ne collectons pas davantage de données : nous avons réécrit ces deux documents dans un langage clair et ajouté les précisions que vous nous avez demandées. Principaux changements :"),
    "es": ("Actualizamos nuestra Política de Privacidad y Condiciones (1 de enero de 2027)", "Hemos hecho nuestras políticas más claras. Te resumimos los cambios; no tienes que hacer nada.", "Actualizamos nuestra Política de Privacidad", "El 1 de enero de 2027 entran en vigor nuestra Política de Privacidad y nuestras Condiciones de Venta actualizadas. No recopilamos más datos que antes: hemos reescrito ambos documentos con un lenguaje claro y añadido los detalles que nos pedisteis. Los cambios principales:"),
    "it": ("Aggiornamento dell’Informativa sulla privacy e delle Condizioni (dal 1° gennaio 2027)", "Abbiamo reso le nostre policy più chiare. Ecco un breve riepilogo delle modifiche: non devi fare nulla.", "Aggiorniamo la nostra Informativa sulla privacy", "Dal 1° gennaio 2027 entrano in vigore la nuova Informativa sulla privacy e le nuove Condizioni di vendita. Non raccogliamo più dati di prima: abbiamo riscritto entrambi i documenti in un linguaggio semplice e aggiunto i dettagli che ci avete chiesto. Le principali novità:"),
    "nl": ("Update van ons privacybeleid en onze voorwaarden (per 1 januari 2027)", "We hebben ons beleid duidelijker gemaakt. Hier lees je kort wat er verandert – je hoeft niets te doen.", "We passen ons privacybeleid aan", "Op 1 januari 2027 gaan ons vernieuwde privacybeleid en onze nieuwe verkoopvoorwaarden in. We verzamelen niet meer gegevens dan voorheen; we hebben beide documenten in begrijpelijke taal herschreven en details toegevoegd waar je om vroeg. De belangrijkste wijzigingen:"),
    "pt-BR": ("Atualização da nossa Política de Privacidade e dos Termos (a partir de 1º de janeiro de 2027)", "Deixamos nossas políticas mais claras. Veja um resumo rápido do que muda — você não precisa fazer nada.", "Estamos atualizando nossa Política de Privacidade", "Em 1º de janeiro de 2027 entram em vigor nossa Política de Privacidade e nossos Termos de Venda atualizados. Não coletamos mais dados do que antes: reescrevemos os dois documentos em linguagem simples e incluímos os detalhes que vocês pediram. As principais mudanças:"),
    "ja": ("プライバシーポリシーおよび利用規約改定のお知らせ（2027年1月1日施行）", "ポリシーをよりわかりやすく改定しました。2027年1月1日からの主な変更点をまとめています。お手続きは不要です。", "プライバシーポリシー改定のお知らせ", "2027年1月1日より、改定後のプライバシーポリシーおよび販売規約が適用されます。収集するデータの範囲は変わりません。両文書をわかりやすい表現に書き直し、お客様からご要望の多かった内容を追記しました。主な変更点は次のとおりです。"),
    "pl": ("Zmiany w Polityce prywatności i Regulaminie (od 1 stycznia 2027 r.)", "Uprościliśmy nasze zasady. Oto krótkie podsumowanie zmian od 1 stycznia 2027 r. – nie musisz nic robić.", "Aktualizujemy Politykę prywatności", "1 stycznia 2027 r. wchodzą w życie zaktualizowana Polityka prywatności i Regulamin sprzedaży. Nie zbieramy więcej danych niż dotąd – przepisaliśmy oba dokumenty prostym językiem i dodaliśmy informacje, o które prosiliście. Najważniejsze zmiany:"),
    "sv": ("Uppdatering av vår integritetspolicy och våra villkor (från 1 januari 2027)", "Vi har gjort våra policyer tydligare. Här är en kort sammanfattning – du behöver inte göra något.", "Vi uppdaterar vår integritetspolicy", "Den 1 januari 2027 börjar vår uppdaterade integritetspolicy och våra nya köpvillkor att gälla. Vi samlar inte in mer data än tidigare; vi har skrivit om båda dokumenten på klarspråk och lagt till detaljer som ni har efterfrågat. De viktigaste ändringarna:"),
    "da": ("Opdatering af vores privatlivspolitik og vilkår (fra 1. januar 2027)", "Vi har gjort vores politikker tydeligere. Her er et kort overblik over ændringerne – du skal ikke gøre noget.", "Vi opdaterer vores privatlivspolitik", "Den 1. januar 2027 træder vores opdaterede privatlivspolitik og nye salgsbetingelser i kraft. Vi indsamler ikke flere data end før; vi har omskrevet begge dokumenter i et klart sprog og tilføjet de detaljer, I har efterspurgt. De vigtigste ændringer:"),
    "fi": ("Tietosuojaselosteemme ja käyttöehtojemme päivitys (voimassa 1.1.2027 alkaen)", "Olemme selkeyttäneet käytäntöjämme. Tässä lyhyt yhteenveto muutoksista – sinun ei tarvitse tehdä mitään.", "Päivitämme tietosuojaselosteemme", "Päivitetty tietosuojaselosteemme ja uudet myyntiehtomme tulevat voimaan 1.1.2027. Emme kerää aiempaa enempää tietoja; kirjoitimme molemmat asiakirjat selkokielellä uudelleen ja lisäsimme tietoja, joita olette toivoneet. Tärkeimmät muutokset:"),
}
EXTRA["privacy"] = {
    "en": dict(bullets=["We now list every service provider that processes your data, and in which country.", "You can download or delete your data yourself in your account settings.", "App location data is only used while the trail map is open, and you can switch it off at any time."], outro="If you keep using Northwind after January 1, you agree to the updated terms."),
    "de": dict(bullets=["Wir nennen jetzt jeden Dienstleister, der deine Daten verarbeitet, und in welchem Land das geschieht.", "Du kannst deine Daten in deinen Kontoeinstellungen selbst herunterladen oder löschen.", "Standortdaten der App werden nur genutzt, solange die Wanderkarte geöffnet ist, und lassen sich jederzeit abschalten."], outro="Wenn du Northwind nach dem 1. Januar weiter nutzt, stimmst du den aktualisierten Bedingungen zu."),
    "fr": dict(bullets=["Nous indiquons désormais chaque prestataire qui traite vos données, et dans quel pays.", "Vous pouvez télécharger ou supprimer vos données vous-même dans les paramètres de votre compte.", "Les données de localisation de l’app ne sont utilisées que lorsque la carte est ouverte, et vous pouvez les désactiver à tout moment."], outro="Si vous continuez à utiliser Northwind après le 1er janvier, vous acceptez les conditions mises à jour."),
    "es": dict(bullets=["Ahora indicamos cada proveedor que trata tus datos y en qué país lo hace.", "Puedes descargar o eliminar tus datos tú mismo desde los ajustes de tu cuenta.", "La app solo usa tu ubicación mientras el mapa de rutas está abierto, y puedes desactivarla en cualquier momento."], outro="Si sigues usando Northwind después del 1 de enero, aceptas las condiciones actualizadas."),
    "it": dict(bullets=["Ora elenchiamo ogni fornitore che tratta i tuoi dati e in quale Paese.", "Puoi scaricare o eliminare i tuoi dati in autonomia dalle impostazioni dell’account.", "L’app usa la tua posizione solo mentre la mappa dei sentieri è aperta, e puoi disattivarla in qualsiasi momento."], outro="Continuando a usare Northwind dopo il 1° gennaio, accetti le condizioni aggiornate."),
    "nl": dict(bullets=["We noemen nu elke dienstverlener die je gegevens verwerkt, en in welk land.", "Je kunt je gegevens zelf downloaden of verwijderen via je accountinstellingen.", "Locatiegegevens in de app worden alleen gebruikt zolang de routekaart open is, en je kunt dit altijd uitzetten."], outro="Als je Northwind na 1 januari blijft gebruiken, ga je akkoord met de bijgewerkte voorwaarden."),
    "pt-BR": dict(bullets=["Agora listamos cada prestador de serviço que trata seus dados e em qual país.", "Você pode baixar ou excluir seus dados nas configurações da sua conta.", "O app só usa sua localização enquanto o mapa de trilhas está aberto, e você pode desativar isso a qualquer momento."], outro="Ao continuar usando a Northwind após 1º de janeiro, você concorda com os termos atualizados."),
    "ja": dict(bullets=["お客様のデータを取り扱うすべての委託先と、その所在国を明記しました。", "アカウント設定から、ご自身でデータのダウンロードや削除ができるようになりました。", "アプリの位置情報はトレイルマップの表示中のみ使用し、いつでもオフにできます。"], outro="1月1日以降も Northwind をご利用いただいた場合、改定後の規約に同意いただいたものとみなします。"),
    "pl": dict(bullets=["Wymieniamy teraz każdego dostawcę usług, który przetwarza Twoje dane, oraz kraj, w którym to robi.", "Możesz samodzielnie pobrać lub usunąć swoje dane w ustawieniach konta.", "Aplikacja korzysta z lokalizacji tylko wtedy, gdy mapa szlaków jest otwarta; możesz to w każdej chwili wyłączyć."], outro="Korzystając z Northwind po 1 stycznia, akceptujesz zaktualizowane warunki."),
    "sv": dict(bullets=["Vi listar nu alla tjänsteleverantörer som behandlar dina uppgifter och i vilket land.", "Du kan själv ladda ned eller radera dina uppgifter under kontoinställningar.", "Appen använder bara din plats när ledkartan är öppen, och du kan stänga av det när som helst."], outro="Om du fortsätter att använda Northwind efter den 1 januari godkänner du de uppdaterade villkoren."),
    "da": dict(bullets=["Vi oplyser nu alle tjenesteudbydere, der behandler dine data, og i hvilket land.", "Du kan selv downloade eller slette dine data under kontoindstillinger.", "Appen bruger kun din placering, mens rutekortet er åbent, og du kan slå det fra når som helst."], outro="Hvis du fortsætter med at bruge Northwind efter 1. januar, accepterer du de opdaterede vilkår."),
    "fi": dict(bullets=["Kerromme nyt jokaisen palveluntarjoajan, joka käsittelee tietojasi, ja missä maassa.", "Voit itse ladata tai poistaa tietosi tilisi asetuksista.", "Sovellus käyttää sijaintiasi vain, kun reittikartta on auki, ja voit poistaa sen käytöstä milloin tahansa."], outro="Jos jatkat Northwindin käyttöä 1.1. jälkeen, hyväksyt päivitetyt ehdot."),
}
COPY["referral"] = {
    "en": ("Give $20, get $20: share Northwind with a friend", "Your friend saves $20 on their first order over $100 — and you get $20 in Trail Points when it ships.", "Adventures are better together", "Know someone who’s been eyeing a new tent or finally wants to try hut-to-hut hiking? Send them your personal link: they get $20 off their first order over $100, and you get $20 in Trail Points."),
    "de": ("20 € schenken, 20 € bekommen: Empfiehl Northwind weiter", "Deine Freunde sparen 20 € ab 100 € Bestellwert – und du bekommst 20 € in Trail Points.", "Abenteuer sind zu zweit schöner", "Kennst du jemanden, der schon lange ein neues Zelt sucht oder endlich eine Hüttentour machen will? Schick deinen persönlichen Link: Deine Freunde sparen 20 € bei der ersten Bestellung ab 100 €, und du bekommst 20 € in Trail Points."),
    "fr": ("Offrez 20 €, recevez 20 € : parrainez un ami", "Votre ami économise 20 € sur sa première commande dès 100 €, et vous recevez 20 € en Trail Points.", "L’aventure, c’est mieux à deux", "Vous connaissez quelqu’un qui rêve d’une nouvelle tente ou d’un trek de refuge en refuge ? Envoyez-lui votre lien personnel : il économise 20 € sur sa première commande dès 100 €, et vous recevez 20 € en Trail Points."),
    "es": ("Regala 20 €, recibe 20 €: recomienda Northwind", "Tu amigo ahorra 20 € en su primer pedido de más de 100 € y tú recibes 20 € en Trail Points.", "Las aventuras son mejores en compañía", "¿Conoces a alguien que lleva tiempo buscando una tienda nueva o quiere probar una travesía de refugio en refugio? Envíale tu enlace personal: ahorrará 20 € en su primer pedido de más de 100 € y tú recibirás 20 € en Trail Points."),
    "it": ("Regala 20 €, ricevi 20 €: invita un amico", "Il tuo amico risparmia 20 € sul primo ordine sopra i 100 € e tu ricevi 20 € in Trail Points.", "Le avventure sono più belle in compagnia", "Conosci qualcuno che sogna una tenda nuova o un trekking di rifugio in rifugio? Mandagli il tuo link personale: risparmierà 20 € sul primo ordine sopra i 100 € e tu riceverai 20 € in Trail Points."),
    "nl": ("Geef € 20, krijg € 20: deel Northwind met een vriend", "Je vriend bespaart € 20 op de eerste bestelling vanaf € 100 – en jij krijgt € 20 aan Trail Points.", "Samen op avontuur is leuker", "Ken je iemand die al tijden naar een nieuwe tent kijkt of eindelijk een huttentocht wil maken? Stuur je persoonlijke link: je vriend bespaart € 20 op de eerste bestelling vanaf € 100 en jij krijgt € 20 aan Trail Points."),
}
COPY["bf_early"] = {
    "en": ("Black Friday early access: 24 hours before everyone else", "Pro members shop our Black Friday deals from Thursday 9:00 — up to 40% off, while sizes last.", "Your early access starts Thursday", "As a thank-you for being part of Northwind Pro, you can shop every Black Friday deal 24 hours early: up to 40% off tents, down, boots and packs, starting Thursday, November 26 at 9:00."),
    "de": ("Black Friday Early Access: 24 Stunden vor allen anderen", "Pro-Mitglieder shoppen die Black-Friday-Deals schon ab Donnerstag 9 Uhr – bis zu 40 % Rabatt.", "Dein Early Access startet am Donnerstag", "Als Dankeschön für deine Pro-Mitgliedschaft kannst du alle Black-Friday-Angebote 24 Stunden früher shoppen: bis zu 40 % Rabatt auf Zelte, Daune, Schuhe und Rucksäcke, ab Donnerstag, 26. November, 9 Uhr."),
    "fr": ("Black Friday en avant-première : 24 heures avant tout le monde", "Les membres Pro accèdent aux offres Black Friday dès jeudi 9 h : jusqu’à -40 %, dans la limite des stocks.", "Votre accès anticipé commence jeudi", "Pour vous remercier de faire partie de Northwind Pro, profitez de toutes les offres Black Friday 24 heures plus tôt : jusqu’à -40 % sur les tentes, le duvet, les chaussures et les sacs, dès le jeudi 26 novembre à 9 h."),
    "es": ("Acceso anticipado al Black Friday: 24 horas antes que nadie", "Los miembros Pro compran las ofertas de Black Friday desde el jueves a las 9:00: hasta un 40 % de descuento.", "Tu acceso anticipado empieza el jueves", "Como agradecimiento por ser parte de Northwind Pro, puedes comprar todas las ofertas de Black Friday 24 horas antes: hasta un 40 % en tiendas, plumas, botas y mochilas, desde el jueves 26 de noviembre a las 9:00."),
    "it": ("Accesso anticipato al Black Friday: 24 ore prima di tutti", "I membri Pro acquistano le offerte del Black Friday da giovedì alle 9:00: fino al 40% di sconto.", "Il tuo accesso anticipato inizia giovedì", "Per ringraziarti di far parte di Northwind Pro, puoi acquistare tutte le offerte del Black Friday con 24 ore di anticipo: fino al 40% su tende, piumini, scarponi e zaini, da giovedì 26 novembre alle 9:00."),
    "nl": ("Black Friday early access: 24 uur eerder dan de rest", "Pro-leden shoppen de Black Friday-deals al vanaf donderdag 9:00 uur – tot 40% korting.", "Je early access begint donderdag", "Als bedankje voor je Pro-lidmaatschap shop je alle Black Friday-deals 24 uur eerder: tot 40% korting op tenten, dons, schoenen en rugzakken, vanaf donderdag 26 november om 9:00 uur."),
    "pt-BR": ("Acesso antecipado à Black Friday: 24 horas antes de todo mundo", "Membros Pro compram as ofertas da Black Friday a partir de quinta às 9h, com até 40% off.", "Seu acesso antecipado começa na quinta", "Como agradecimento por fazer parte do Northwind Pro, você pode aproveitar todas as ofertas da Black Friday 24 horas antes: até 40% off em barracas, plumas, botas e mochilas, a partir de quinta-feira, 26 de novembro, às 9h."),
    "ja": ("ブラックフライデー先行セール：一般公開の24時間前から", "Pro メンバーは木曜9時からブラックフライデーのセール品をお買い求めいただけます。最大40%オフ、在庫限り。", "先行アクセスは木曜スタート", "Northwind Pro にご参加いただいている感謝を込めて、ブラックフライデーの全セール品を24時間早くご購入いただけます。11月26日（木）9時から、テント、ダウン、ブーツ、バックパックが最大40%オフ。"),
}
COPY["bf_doors"] = {
    "en": ("Black Friday is live: up to 40% off 600+ items", "The doors are open — our best prices of the year on tents, down, boots and packs until Monday night.", "Black Friday is here", "It’s the biggest sale of our year: up to 40% off more than 600 items, free shipping on every order and double Trail Points for Pro members. Deals end Monday, November 30 at midnight."),
    "de": ("Black Friday ist gestartet: bis zu 40 % auf über 600 Artikel", "Die Türen sind offen – unsere besten Preise des Jahres auf Zelte, Daune, Schuhe und Rucksäcke bis Montagabend.", "Black Friday ist da", "Das ist der größte Sale unseres Jahres: bis zu 40 % Rabatt auf über 600 Artikel, gratis Versand für jede Bestellung und doppelte Trail Points für Pro-Mitglieder. Die Angebote enden am Montag, 30. November, um Mitternacht."),
    "fr": ("Le Black Friday est lancé : jusqu’à -40 % sur plus de 600 articles", "Les portes sont ouvertes : nos meilleurs prix de l’année sur les tentes, le duvet et les chaussures.", "C’est le Black Friday", "C’est la plus grande vente de notre année : jusqu’à -40 % sur plus de 600 articles, livraison offerte sur toutes les commandes et Trail Points doublés pour les membres Pro. Fin des offres le lundi 30 novembre à minuit."),
    "es": ("Ya es Black Friday: hasta un 40 % en más de 600 artículos", "Abrimos las puertas: nuestros mejores precios del año en tiendas, plumas, botas y mochilas hasta el lunes.", "Ya está aquí el Black Friday", "Es la mayor venta de nuestro año: hasta un 40 % de descuento en más de 600 artículos, envío gratis en todos los pedidos y Trail Points dobles para los miembros Pro. Las ofertas terminan el lunes 30 de noviembre a medianoche."),
    "it": ("Il Black Friday è iniziato: fino al 40% su oltre 600 articoli", "Le porte sono aperte: i prezzi migliori dell’anno su tende, piumini, scarponi e zaini fino a lunedì.", "È arrivato il Black Friday", "È la promozione più grande del nostro anno: fino al 40% di sconto su oltre 600 articoli, spedizione gratuita su tutti gli ordini e Trail Points doppi per i membri Pro. Le offerte terminano lunedì 30 novembre a mezzanotte."),
    "pt-BR": ("A Black Friday começou: até 40% off em mais de 600 itens", "As portas estão abertas: os melhores preços do ano em barracas, plumas, botas e mochilas.", "Chegou a Black Friday", "É a maior promoção do nosso ano: até 40% de desconto em mais de 600 itens, frete grátis em todos os pedidos e Trail Points em dobro para membros Pro. As ofertas terminam na segunda-feira, 30 de novembro, à meia-noite."),
    "tr": ("Black Friday başladı: 600’den fazla üründe %40’a varan indirim", "Kapılar açıldı: çadır, mont, bot ve sırt çantalarında yılın en iyi fiyatları pazartesiye kadar.", "Black Friday geldi", "Yılın en büyük indirimi başladı: 600’den fazla üründe %40’a varan indirim, tüm siparişlerde ücretsiz kargo ve Pro üyelere çift Trail Points. Fırsatlar 30 Kasım Pazartesi gece yarısı sona eriyor."),
    "zh-Hans": ("黑色星期五开启：600 多款商品低至六折", "大门已开：帐篷、羽绒服、登山靴和背包迎来全年最低价，活动一直持续到 11 月 30 日周一晚上。", "黑色星期五来了", "这是我们一年中规模最大的促销：600 多款商品低至六折，所有订单免运费，Pro 会员还可获得双倍 Trail Points。活动将于 11 月 30 日（周一）午夜结束。"),
}
COPY["cyber"] = {
    "en": ("Cyber Monday: free express shipping on every order", "Today only: express delivery on us, plus the last Black Friday prices on packs, stoves and headlamps.", "Cyber Monday, express edition", "Still ticking off your gear list? Today only, every order ships express for free — so it arrives before your next weekend outside. Black Friday prices on packs, stoves and headlamps end tonight at midnight."),
    "de": ("Cyber Monday: kostenloser Expressversand für jede Bestellung", "Nur heute: Expressversand geht auf uns – plus letzte Black-Friday-Preise auf Rucksäcke und Kocher.", "Cyber Monday – Express-Edition", "Deine Ausrüstungsliste ist noch nicht komplett? Nur heute verschicken wir jede Bestellung kostenlos per Express – damit sie vor deinem nächsten Wochenende draußen ankommt. Die Black-Friday-Preise auf Rucksäcke, Kocher und Stirnlampen enden heute um Mitternacht."),
    "fr": ("Cyber Monday : livraison express offerte sur toutes les commandes", "Aujourd’hui seulement : livraison express offerte et derniers prix Black Friday sur les sacs et réchauds.", "Cyber Monday, édition express", "Votre liste d’équipement n’est pas encore complète ? Aujourd’hui seulement, toutes les commandes sont expédiées en express gratuitement, pour arriver avant votre prochain week-end dehors. Les prix Black Friday sur les sacs, réchauds et lampes frontales se terminent ce soir à minuit."),
    "es": ("Cyber Monday: envío exprés gratis en todos los pedidos", "Solo hoy: el envío exprés corre de nuestra cuenta, y últimos precios de Black Friday en mochilas y hornillos.", "Cyber Monday, edición exprés", "¿Aún te falta algo de tu lista de equipo? Solo hoy, todos los pedidos se envían por exprés gratis para que lleguen antes de tu próximo fin de semana al aire libre. Los precios de Black Friday en mochilas, hornillos y frontales terminan esta noche a medianoche."),
    "nl": ("Cyber Monday: gratis expresverzending op elke bestelling", "Alleen vandaag: gratis expreslevering plus de laatste Black Friday-prijzen op rugzakken en branders.", "Cyber Monday, expreseditie", "Is je uitrustingslijst nog niet af? Alleen vandaag versturen we elke bestelling gratis per expres, zodat alles er is vóór je volgende weekend buiten. De Black Friday-prijzen op rugzakken, branders en hoofdlampen eindigen vannacht om middernacht."),
}
COPY["gift_guide"] = {
    "en": ("The Holiday Gift Guide 2026: 60 ideas for every kind of explorer", "From stocking stuffers under $30 to a tent for the next ten years — sorted by who you’re shopping for.", "Gifts for every kind of explorer", "Shopping for a trail runner, a weekend camper or someone who just loves a good walk? Our team picked 60 gifts they’d be happy to unwrap themselves, sorted by person and budget — with free gift wrapping on every order."),
    "de": ("Der Geschenke-Guide 2026: 60 Ideen für alle, die gern draußen sind", "Von kleinen Mitbringseln unter 30 € bis zum Zelt für die nächsten zehn Jahre – sortiert nach Beschenkten.", "Geschenke für Entdecker:innen aller Art", "Suchst du etwas für eine Trailläuferin, einen Wochenendcamper oder jemanden, der einfach gern spazieren geht? Unser Team hat 60 Geschenke ausgesucht, über die es sich selbst freuen würde – sortiert nach Person und Budget, mit kostenloser Geschenkverpackung."),
    "fr": ("Le guide cadeaux 2026 : 60 idées pour tous les aventuriers", "Des petits cadeaux à moins de 30 € à la tente qui durera dix ans, classés selon la personne à gâter.", "Des cadeaux pour tous les explorateurs", "Vous cherchez un cadeau pour une traileuse, un campeur du week-end ou quelqu’un qui aime simplement marcher ? Notre équipe a choisi 60 cadeaux qu’elle serait ravie de recevoir, classés par profil et par budget, avec emballage cadeau offert."),
    "es": ("Guía de regalos 2026: 60 ideas para todo tipo de exploradores", "Desde detalles de menos de 30 € hasta la tienda que usarán durante diez años, ordenados por destinatario.", "Regalos para todo tipo de exploradores", "¿Buscas algo para una corredora de montaña, un campista de fin de semana o alguien a quien simplemente le encanta caminar? Nuestro equipo ha elegido 60 regalos que le encantaría recibir, ordenados por persona y presupuesto, con envoltorio de regalo gratis."),
    "it": ("La guida ai regali 2026: 60 idee per ogni tipo di esploratore", "Dai pensierini sotto i 30 € alla tenda che userà per i prossimi dieci anni, divisi per destinatario.", "Regali per ogni tipo di esploratore", "Cerchi qualcosa per una trail runner, un campeggiatore del weekend o chi ama semplicemente camminare? Il nostro team ha scelto 60 regali che sarebbe felice di scartare, divisi per persona e budget, con confezione regalo gratuita."),
    "ja": ("ホリデーギフトガイド2026：アウトドア好きに贈る60のアイデア", "3,000円以下のプチギフトから10年使えるテントまで。贈る相手と予算別に、スタッフおすすめのギフトをご紹介します。", "すべての冒険好きへのギフト", "トレイルランナー、週末キャンパー、散歩が好きな方へのギフトをお探しですか？スタッフが「自分でももらいたい」と思う60のアイテムを、贈る相手と予算別に選びました。ギフトラッピングは無料です。"),
}
COPY["catalogue"] = {
    "en": ("Winter Catalogue 2026: 66 pieces of gear for the cold season", "Tents, down, boots, stoves and more — the full winter range with Pro prices, all on one page.", "The Winter Catalogue 2026", "Everything we make for the cold months, on one long page. Pro members see their member price next to every item."),
    "de": ("Winterkatalog 2026: 66 Ausrüstungsteile für die kalte Jahreszeit", "Zelte, Daune, Schuhe, Kocher und mehr – das komplette Wintersortiment mit Pro-Preisen auf einer Seite.", "Der Winterkatalog 2026", "Alles, was wir für die kalten Monate herstellen, auf einer langen Seite. Pro-Mitglieder sehen ihren Mitgliederpreis neben jedem Artikel."),
}
COPY["statement"] = {
    "en": ("Your Trail Points statement for October", "Here’s what you earned in October, what’s expiring at year end, and three easy ways to use your points.", "Your October points summary", "Thanks for another month on the trail with us. Here’s your Trail Points summary — every 100 points are worth $1 and can be used on anything in our shop, including sale items."),
    "de": ("Deine Trail-Points-Übersicht für Oktober", "Das hast du im Oktober gesammelt, das verfällt zum Jahresende – plus drei Wege, Punkte einzulösen.", "Deine Punkte im Oktober", "Danke für einen weiteren Monat mit uns auf dem Trail. Hier ist deine Trail-Points-Übersicht: 100 Punkte sind 1 € wert und lassen sich für alles in unserem Shop einlösen, auch für reduzierte Artikel."),
    "fr": ("Votre relevé de Trail Points d’octobre", "Ce que vous avez gagné en octobre, ce qui expire en fin d’année et trois façons simples d’utiliser vos points.", "Vos points du mois d’octobre", "Merci pour ce nouveau mois passé sur les sentiers avec nous. Voici votre relevé de Trail Points : 100 points valent 1 € et s’utilisent sur tout le site, y compris les articles soldés."),
    "es": ("Tu resumen de Trail Points de octubre", "Lo que ganaste en octubre, lo que caduca a final de año y tres formas fáciles de usar tus puntos.", "Tus puntos de octubre", "Gracias por otro mes en el sendero con nosotros. Aquí tienes tu resumen de Trail Points: cada 100 puntos valen 1 € y puedes usarlos en toda la tienda, incluidos los artículos rebajados."),
    "nl": ("Je Trail Points-overzicht van oktober", "Dit verdiende je in oktober, dit vervalt eind december – plus drie manieren om je punten te gebruiken.", "Je punten van oktober", "Bedankt voor weer een maand samen op pad. Hier is je Trail Points-overzicht: 100 punten zijn € 1 waard en je kunt ze overal in onze shop gebruiken, ook op afgeprijsde artikelen."),
    "pt-BR": ("Seu extrato de Trail Points de outubro", "Veja o que você ganhou em outubro, o que expira no fim do ano e três jeitos fáceis de usar seus pontos.", "Seus pontos de outubro", "Obrigado por mais um mês de trilhas com a gente. Aqui está seu extrato de Trail Points: cada 100 pontos valem R$ 5 e podem ser usados em toda a loja, inclusive em itens com desconto."),
}
COPY["repair_week"] = {
    "en": ("Free Repair Week: bring us your worn-out gear", "October 19–25: free repairs on zips, seams and sleeping pads in all our stores — any brand, no receipt needed.", "Repair, don’t replace", "The most sustainable jacket is the one you already own. During Free Repair Week our technicians fix zips, seams, buckles and sleeping pads for free in every Northwind store — any brand, no purchase required."),
    "de": ("Gratis-Reparaturwoche: Bring uns deine abgenutzte Ausrüstung", "19.–25. Oktober: kostenlose Reparatur von Reißverschlüssen, Nähten und Isomatten in allen Stores – jede Marke.", "Reparieren statt neu kaufen", "Die nachhaltigste Jacke ist die, die du schon hast. In der Gratis-Reparaturwoche reparieren unsere Techniker:innen in jedem Northwind-Store kostenlos Reißverschlüsse, Nähte, Schnallen und Isomatten – egal welche Marke, ohne Kaufzwang."),
    "fr": ("Semaine de la réparation gratuite : apportez votre équipement usé", "Du 19 au 25 octobre : fermetures, coutures et matelas réparés gratuitement en magasin, toutes marques.", "Réparer plutôt que remplacer", "La veste la plus durable est celle que vous avez déjà. Pendant la semaine de la réparation gratuite, nos techniciens réparent gratuitement fermetures éclair, coutures, boucles et matelas dans tous les magasins Northwind, quelle que soit la marque et sans obligation d’achat."),
    "nl": ("Gratis Reparatieweek: breng je versleten uitrusting langs", "19–25 oktober: gratis reparatie van ritsen, naden en slaapmatjes in al onze winkels – elk merk, zonder bon.", "Repareren in plaats van vervangen", "De duurzaamste jas is de jas die je al hebt. Tijdens de Gratis Reparatieweek repareren onze technici gratis ritsen, naden, gespen en slaapmatjes in elke Northwind-winkel – van elk merk, zonder aankoopverplichting."),
    "sv": ("Gratis reparationsvecka: ta med din slitna utrustning", "19–25 oktober: gratis lagning av blixtlås, sömmar och liggunderlag i alla våra butiker – alla märken.", "Laga istället för att köpa nytt", "Den mest hållbara jackan är den du redan har. Under vår gratis reparationsvecka lagar våra tekniker blixtlås, sömmar, spännen och liggunderlag kostnadsfritt i alla Northwind-butiker – oavsett märke och utan köpkrav."),
    "da": ("Gratis reparationsuge: tag dit slidte udstyr med", "19.–25. oktober: gratis reparation af lynlåse, sømme og liggeunderlag i alle vores butikker – alle mærker.", "Reparér i stedet for at købe nyt", "Den mest bæredygtige jakke er den, du allerede har. I den gratis reparationsuge reparerer vores teknikere lynlåse, sømme, spænder og liggeunderlag gratis i alle Northwind-butikker – uanset mærke og uden købekrav."),
}
COPY["trial_ends"] = {
    "en": ('{{ customer.first_name | default: "Hey" }}, your Pro trial ends in {{ trigger.days_left | default: 7 }} days', "Keep free repairs, early access and 5 Trail Points per dollar — your membership renews at $39 a year.", "Don’t lose your Pro perks", "Your 30-day Northwind Pro trial is almost over. Stay a member to keep free lifetime repairs, 24-hour early access to every sale, free returns for 100 days and 5 Trail Points for every dollar you spend."),
    "de": ('{{ customer.first_name | default: "Hallo" }}, dein Pro-Test endet in {{ trigger.days_left | default: 7 }} Tagen', "Behalte kostenlose Reparaturen, frühen Sale-Zugang und 5 Trail Points pro Euro – für 39 € im Jahr.", "Behalte deine Pro-Vorteile", "Deine 30-tägige Testphase von Northwind Pro ist fast vorbei. Bleib Mitglied und behalte lebenslang kostenlose Reparaturen, 24 Stunden früheren Zugang zu jedem Sale, 100 Tage Gratis-Rückgabe und 5 Trail Points pro ausgegebenem Euro."),
    "fr": ('{{ customer.first_name | default: "Bonjour" }}, votre essai Pro se termine dans {{ trigger.days_left | default: 7 }} jours', "Gardez les réparations gratuites, l’accès anticipé et 5 Trail Points par euro, pour 39 € par an.", "Gardez vos avantages Pro", "Votre essai de 30 jours de Northwind Pro touche à sa fin. Restez membre pour conserver les réparations gratuites à vie, l’accès aux soldes 24 heures avant tout le monde, les retours gratuits pendant 100 jours et 5 Trail Points par euro dépensé."),
    "es": ('{{ customer.first_name | default: "Hola" }}, tu prueba Pro termina en {{ trigger.days_left | default: 7 }} días', "Conserva las reparaciones gratis, el acceso anticipado y 5 Trail Points por euro, por 39 € al año.", "No pierdas tus ventajas Pro", "Tu prueba de 30 días de Northwind Pro está a punto de terminar. Sigue como miembro y conserva las reparaciones gratis de por vida, el acceso a las rebajas 24 horas antes, las devoluciones gratuitas durante 100 días y 5 Trail Points por cada euro."),
}
COPY["back_in_stock"] = {
    "en": ('Back in stock: {{ event.product_name | default: "an item on your wishlist" }}', "It sold out in September, and you asked us to tell you first. Sizes are limited, so don’t wait too long.", "It’s back — and you’re the first to know", "Good news: the item you saved to your wishlist is back in our warehouse. We restocked a limited number of sizes and colours, and we’re telling wishlist customers before anyone else."),
    "de": ('Wieder da: {{ event.product_name | default: "ein Artikel auf deiner Wunschliste" }}', "Im September war er ausverkauft, und du wolltest es als Erstes erfahren. Die Größen sind begrenzt.", "Wieder da – und du erfährst es zuerst", "Gute Nachricht: Der Artikel auf deiner Wunschliste ist wieder in unserem Lager. Wir haben eine begrenzte Anzahl an Größen und Farben nachbestellt und sagen es zuerst allen, die ihn gemerkt haben."),
    "fr": ('De retour en stock : {{ event.product_name | default: "un article de votre liste d’envies" }}', "Il était épuisé en septembre et vous vouliez être prévenu en premier. Les tailles sont limitées.", "Il est de retour, et vous êtes le premier informé", "Bonne nouvelle : l’article enregistré dans votre liste d’envies est de retour dans notre entrepôt. Le réassort est limité en tailles et en coloris, et nous prévenons d’abord les clients qui l’ont mis de côté."),
}
COPY["tickets"] = {
    "en": ('Your tickets for {{ trigger.event_name | default: "Trail Days" }} are here', "Show the QR code at the entrance — plus the programme, a packing tip and how to get there by train.", "See you at the start line", "Thanks for registering! Your ticket is below — just show the QR code at the entrance. Doors open at 8:30, the first guided hike leaves at 9:15, and there’s free coffee at the Northwind tent all day."),
    "de": ('Deine Tickets für {{ trigger.event_name | default: "Trail Days" }} sind da', "Zeig einfach den QR-Code am Eingang – dazu das Programm, ein Packtipp und die Anreise mit der Bahn.", "Wir sehen uns an der Startlinie", "Danke für deine Anmeldung! Dein Ticket findest du unten – zeig einfach den QR-Code am Eingang. Einlass ist um 8:30 Uhr, die erste geführte Wanderung startet um 9:15 Uhr, und am Northwind-Zelt gibt es den ganzen Tag Kaffee aufs Haus."),
    "nl": ('Je tickets voor {{ trigger.event_name | default: "Trail Days" }} zijn er', "Laat de QR-code zien bij de ingang – plus het programma, een paktip en hoe je er met de trein komt.", "Tot aan de startlijn", "Bedankt voor je aanmelding! Je ticket staat hieronder – laat de QR-code zien bij de ingang. De deuren gaan om 8:30 uur open, de eerste begeleide wandeling vertrekt om 9:15 uur en bij de Northwind-tent is de hele dag gratis koffie."),
}
COPY["sustainability"] = {
    "en": ("Our 2026 impact report: what we fixed, recycled and still need to do", "92% recycled or renewable materials, 14,800 repairs and an honest look at the goals we missed this year.", "Our 2026 impact report", "Every year we publish what we achieved and where we fell short. This year our repair teams fixed 14,800 items, 92% of our materials were recycled or renewable — and we missed our target for shipping emissions. Here’s the full picture."),
    "de": ("Unser Wirkungsbericht 2026: Was wir repariert, recycelt und noch vor uns haben", "92 % recycelte oder nachwachsende Materialien, 14.800 Reparaturen und ein ehrlicher Blick auf verfehlte Ziele.", "Unser Wirkungsbericht 2026", "Jedes Jahr veröffentlichen wir, was wir erreicht haben und wo wir hinter unseren Zielen zurückgeblieben sind. In diesem Jahr haben unsere Reparaturteams 14.800 Teile repariert, 92 % unserer Materialien waren recycelt oder nachwachsend – und unser Ziel für Versandemissionen haben wir verfehlt. Hier ist das ganze Bild."),
    "fr": ("Notre rapport d’impact 2026 : ce que nous avons réparé, recyclé et ce qu’il reste à faire", "92 % de matières recyclées ou renouvelables, 14 800 réparations et un bilan honnête de nos échecs.", "Notre rapport d’impact 2026", "Chaque année, nous publions nos réussites et nos échecs. Cette année, nos ateliers ont réparé 14 800 articles, 92 % de nos matières étaient recyclées ou renouvelables, mais nous avons manqué notre objectif sur les émissions liées aux livraisons. Voici le bilan complet."),
    "sv": ("Vår hållbarhetsrapport 2026: vad vi lagat, återvunnit och har kvar att göra", "92 % återvunna eller förnybara material, 14 800 reparationer och en ärlig blick på målen vi missade i år.", "Vår hållbarhetsrapport 2026", "Varje år redovisar vi vad vi har uppnått och var vi inte nådde ända fram. I år lagade våra reparationsteam 14 800 produkter, 92 % av våra material var återvunna eller förnybara – och vi missade vårt mål för utsläpp från frakt. Här är hela bilden."),
    "da": ("Vores bæredygtighedsrapport 2026: hvad vi har repareret, genanvendt og stadig mangler", "92 % genanvendte eller fornybare materialer, 14.800 reparationer og et ærligt blik på de mål, vi ikke nåede.", "Vores bæredygtighedsrapport 2026", "Hvert år fortæller vi, hvad vi har opnået, og hvor vi kom til kort. I år reparerede vores værksteder 14.800 produkter, 92 % af vores materialer var genanvendte eller fornybare – og vi nåede ikke vores mål for udledning fra fragt. Her er hele billedet."),
    "fi": ("Vastuullisuusraporttimme 2026: mitä korjasimme, kierrätimme ja mitä on vielä tehtävä", "92 % kierrätettyjä tai uusiutuvia materiaaleja, 14 800 korjausta ja rehellinen katsaus puutteisiin.", "Vastuullisuusraporttimme 2026", "Kerromme joka vuosi, mitä saavutimme ja missä jäimme tavoitteista. Tänä vuonna korjaamomme korjasivat 14 800 tuotetta, 92 % materiaaleistamme oli kierrätettyjä tai uusiutuvia – ja jäimme kuljetusten päästötavoitteestamme. Tässä koko kuva."),
}
COPY["spring_preview"] = {
    "en": ("Sneak peek: the Spring 2027 collection 🌱", "Lighter packs, new colours and our first fully recycled rain shell — here’s a first look before anyone else.", "A first look at Spring 2027", "Winter isn’t over yet, but our design team is already dreaming of long spring days. Here’s a first look at what’s coming in March: lighter packs, fresh colours and our first rain shell made entirely from recycled fabric."),
    "de": ("Vorschau: die Frühjahrskollektion 2027 🌱", "Leichtere Rucksäcke, neue Farben und unsere erste komplett recycelte Regenjacke – exklusiv vorab.", "Ein erster Blick auf Frühjahr 2027", "Der Winter ist noch nicht vorbei, aber unser Designteam träumt schon von langen Frühlingstagen. Hier siehst du als Erstes, was im März kommt: leichtere Rucksäcke, frische Farben und unsere erste Regenjacke komplett aus recyceltem Material."),
    "fr": ("Avant-première : la collection printemps 2027 🌱", "Des sacs plus légers, de nouvelles couleurs et notre première veste de pluie 100 % recyclée, en exclusivité.", "Premier aperçu du printemps 2027", "L’hiver n’est pas encore fini, mais notre équipe de design rêve déjà des longues journées de printemps. Voici en avant-première ce qui arrive en mars : des sacs plus légers, des couleurs fraîches et notre première veste de pluie entièrement en tissu recyclé."),
    "it": ("Anteprima: la collezione Primavera 2027 🌱", "Zaini più leggeri, nuovi colori e la nostra prima giacca antipioggia interamente riciclata, in anteprima.", "Un primo sguardo alla Primavera 2027", "L’inverno non è ancora finito, ma il nostro team di design sogna già le lunghe giornate di primavera. Ecco in anteprima cosa arriva a marzo: zaini più leggeri, colori nuovi e la nostra prima giacca antipioggia realizzata interamente con tessuto riciclato."),
    "es": ("Adelanto: la colección Primavera 2027 🌱", "Mochilas más ligeras, colores nuevos y nuestra primera chaqueta de lluvia 100 % reciclada.", "Un primer vistazo a la Primavera 2027", "El invierno aún no ha terminado, pero nuestro equipo de diseño ya sueña con los largos días de primavera. Descubre antes que nadie lo que llega en marzo: mochilas más ligeras, colores nuevos y nuestra primera chaqueta de lluvia hecha íntegramente con tejido reciclado."),
}
COPY["year_review"] = {
    "en": ("Your 2026 on the trail, in numbers", "Kilometres logged, trails explored, points earned — and a small thank-you for your year with us.", "What a year it was", "Before the year wraps up, we put together a look back at your 2026 with Northwind: the trails you logged in the app, the gear that came along and the Trail Points you earned. Thanks for taking us with you."),
    "de": ("Dein Jahr 2026 auf dem Trail – in Zahlen", "Gewanderte Kilometer, entdeckte Wege, gesammelte Punkte – und ein kleines Dankeschön von uns.", "Was für ein Jahr", "Bevor das Jahr zu Ende geht, haben wir dein 2026 mit Northwind zusammengefasst: die Touren, die du in der App aufgezeichnet hast, die Ausrüstung, die dabei war, und die Trail Points, die du gesammelt hast. Danke, dass du uns mitgenommen hast."),
    "fr": ("Votre année 2026 sur les sentiers, en chiffres", "Kilomètres parcourus, sentiers explorés, points gagnés, et un petit merci pour cette année.", "Quelle année !", "Avant la fin de l’année, nous avons préparé un retour sur votre année 2026 avec Northwind : les sorties enregistrées dans l’app, l’équipement qui vous a accompagné et les Trail Points gagnés. Merci de nous avoir emmenés avec vous."),
    "es": ("Tu 2026 en el sendero, en cifras", "Kilómetros recorridos, senderos descubiertos, puntos ganados y un pequeño regalo de nuestra parte.", "Menudo año", "Antes de que acabe el año, hemos preparado un repaso de tu 2026 con Northwind: las rutas que registraste en la app, el equipo que te acompañó y los Trail Points que ganaste. Gracias por llevarnos contigo."),
    "ja": ("数字で振り返る、あなたの2026年のトレイル", "歩いた距離、訪れたトレイル、貯めたポイント。今年 Northwind とご一緒いただいた感謝を込めて、ささやかなプレゼントもご用意しました。", "すばらしい1年でした", "年の瀬を前に、Northwind と過ごしたあなたの2026年をまとめました。アプリに記録した山行、一緒に歩いたギア、そして貯めた Trail Points。今年も一緒に歩いていただき、ありがとうございました。"),
    "ko": ("숫자로 돌아보는 나의 2026년 트레일", "걸은 거리, 탐험한 트레일, 적립한 포인트까지. 올해 Northwind와 함께해 주신 감사의 마음을 담아 작은 선물도 준비했습니다.", "정말 멋진 한 해였습니다", "한 해를 마무리하며 Northwind와 함께한 고객님의 2026년을 정리했습니다. 앱에 기록한 산행, 함께한 장비, 그리고 적립한 Trail Points까지. 올해도 함께 걸어 주셔서 감사합니다."),
    "zh-Hans": ("用数字回顾你的 2026 山野之旅", "走过的公里数、探索过的步道、赚取的积分——还有一份小礼物，感谢你今年与 Northwind 一路同行。", "多么精彩的一年", "在这一年结束之前，我们为你整理了与 Northwind 共度的 2026：你在 App 中记录的路线、陪伴你的装备，以及你赚取的 Trail Points。感谢你一路带着我们同行。"),
}
COPY["shipping_cutoff"] = {
    "en": ("Order by December 17 for delivery before Christmas", "Standard shipping cut-off is Thursday, December 17; express orders until noon on December 22.", "Last order dates for the holidays", "Want your gifts under the tree on time? Order with standard shipping by Thursday, December 17, or choose express delivery until 12:00 on Tuesday, December 22. Click & collect in our stores works until December 23 at 14:00."),
    "de": ("Bis 17. Dezember bestellen, vor Weihnachten geliefert", "Letzter Bestelltag für Standardversand ist Donnerstag, der 17. Dezember; Express bis 22. Dezember, 12 Uhr.", "Letzte Bestelltermine vor den Feiertagen", "Deine Geschenke sollen pünktlich unter dem Baum liegen? Bestelle mit Standardversand bis Donnerstag, 17. Dezember, oder wähle Expressversand bis Dienstag, 22. Dezember, 12 Uhr. Click & Collect in unseren Stores ist bis 23. Dezember, 14 Uhr, möglich."),
    "fr": ("Commandez avant le 17 décembre pour une livraison avant Noël", "Livraison standard : commandez avant le jeudi 17 décembre ; express jusqu’au 22 décembre à midi.", "Dates limites de commande pour les fêtes", "Vous voulez que vos cadeaux soient au pied du sapin à temps ? Commandez en livraison standard avant le jeudi 17 décembre, ou en express jusqu’au mardi 22 décembre à 12 h. Le retrait en magasin est possible jusqu’au 23 décembre à 14 h."),
    "es": ("Pide antes del 17 de diciembre para recibirlo antes de Navidad", "Envío estándar: pide antes del jueves 17 de diciembre; envío exprés hasta el 22 de diciembre a mediodía.", "Fechas límite de pedido para las fiestas", "¿Quieres que tus regalos lleguen a tiempo? Haz tu pedido con envío estándar antes del jueves 17 de diciembre o elige envío exprés hasta el martes 22 de diciembre a las 12:00. La recogida en tienda está disponible hasta el 23 de diciembre a las 14:00."),
    "it": ("Ordina entro il 17 dicembre per ricevere tutto prima di Natale", "Spedizione standard: ordina entro giovedì 17 dicembre; spedizione express fino al 22 dicembre a mezzogiorno.", "Le date limite per gli ordini delle feste", "Vuoi che i tuoi regali arrivino in tempo sotto l’albero? Ordina con spedizione standard entro giovedì 17 dicembre oppure scegli la spedizione express fino a martedì 22 dicembre alle 12:00. Il ritiro in negozio è disponibile fino al 23 dicembre alle 14:00."),
    "nl": ("Bestel vóór 17 december voor levering vóór Kerstmis", "Standaardverzending: bestel uiterlijk donderdag 17 december; express tot 22 december om 12:00 uur.", "Laatste besteldata voor de feestdagen", "Wil je dat je cadeaus op tijd onder de boom liggen? Bestel met standaardverzending uiterlijk donderdag 17 december, of kies expreslevering tot dinsdag 22 december om 12:00 uur. Click & collect in onze winkels kan tot 23 december om 14:00 uur."),
    "pl": ("Zamów do 17 grudnia, a paczka dotrze przed świętami", "Wysyłka standardowa: zamów do czwartku 17 grudnia; ekspresowa do 22 grudnia do godziny 12:00.", "Ostatnie terminy zamówień przed świętami", "Chcesz, żeby prezenty dotarły pod choinkę na czas? Zamów z wysyłką standardową do czwartku 17 grudnia albo wybierz dostawę ekspresową do wtorku 22 grudnia do 12:00. Odbiór osobisty w naszych sklepach jest możliwy do 23 grudnia do 14:00."),
}
COPY["run_club"] = {
    "en": ("Trail Running Club Portland: November meetup at Forest Park", "Saturday, November 14, 7:30 at the Lower Macleay trailhead — 8 or 14 km, all paces welcome, coffee after.", "Run with us this Saturday", "Our monthly club run heads into Forest Park for the Wildwood loop. Choose the 8 km or 14 km route, bring a headlamp for the early start, and stay for coffee and cinnamon buns at the store afterwards."),
    "es": ("Trail Running Club Portland: quedada de noviembre en Forest Park", "Sábado 14 de noviembre, 7:30, inicio del sendero Lower Macleay: 8 o 14 km, todos los ritmos.", "Corre con nosotros este sábado", "La salida mensual del club se adentra en Forest Park por el circuito Wildwood. Elige la ruta de 8 o 14 km, trae un frontal para la salida temprana y quédate después a tomar café y rollos de canela en la tienda."),
}
COPY["ambassador"] = {
    "en": ("Become a Northwind Ambassador in 2027", "Applications close December 6: free gear, trips with our design team and a community of 40 trail lovers.", "Share the trail with us", "We’re looking for 40 hikers, climbers, runners and paddlers who love sharing their adventures. Ambassadors test new gear before launch, join two trips with our design team and lead local meetups. Applications close on December 6."),
    "de": ("Werde 2027 Northwind-Botschafter:in", "Bewerbung bis 6. Dezember: Gratis-Ausrüstung, Touren mit dem Designteam und 40 Trail-Fans.", "Teile den Trail mit uns", "Wir suchen 40 Wandernde, Kletternde, Laufende und Paddelnde, die ihre Abenteuer gern teilen. Botschafter:innen testen neue Ausrüstung vor dem Launch, gehen auf zwei Touren mit unserem Designteam und leiten lokale Treffen. Bewerbungsschluss ist der 6. Dezember."),
    "fr": ("Devenez ambassadeur Northwind en 2027", "Candidatures jusqu’au 6 décembre : équipement offert, sorties avec nos designers et 40 passionnés.", "Partagez les sentiers avec nous", "Nous recherchons 40 randonneurs, grimpeurs, coureurs et pagayeurs qui aiment partager leurs aventures. Nos ambassadeurs testent les nouveautés avant leur sortie, participent à deux expéditions avec notre équipe de design et animent des rencontres locales. Candidatures jusqu’au 6 décembre."),
    "es": ("Hazte embajador de Northwind en 2027", "Inscripciones hasta el 6 de diciembre: equipo gratis, salidas con nuestros diseñadores y 40 apasionados.", "Comparte el sendero con nosotros", "Buscamos 40 senderistas, escaladores, corredores y palistas a los que les encante compartir sus aventuras. Nuestros embajadores prueban el equipo nuevo antes del lanzamiento, participan en dos salidas con el equipo de diseño y organizan quedadas locales. Inscripciones hasta el 6 de diciembre."),
    "it": ("Diventa ambassador Northwind nel 2027", "Candidature entro il 6 dicembre: attrezzatura gratuita, uscite con i nostri designer e 40 appassionati.", "Condividi il sentiero con noi", "Cerchiamo 40 escursionisti, arrampicatori, runner e canoisti che amano raccontare le loro avventure. I nostri ambassador provano l’attrezzatura prima del lancio, partecipano a due uscite con il team di design e organizzano incontri locali. Candidature entro il 6 dicembre."),
}
COPY["winback"] = {
    "en": ("We miss you — here’s 15% off your next adventure", "It’s been a while since your last trip with us. Use code BACKOUTSIDE for 15% off anything until November 15.", "It’s been a while", "We noticed you haven’t been by in a few months, and a lot has changed: new tents, recycled down jackets and free lifetime repairs for Pro members. Come back with 15% off your next order with code BACKOUTSIDE."),
    "de": ("Wir vermissen dich – 15 % Rabatt auf dein nächstes Abenteuer", "Lange nicht gesehen! Mit dem Code BACKOUTSIDE sparst du bis 15. November 15 % auf alles.", "Lange nicht gesehen", "Du warst schon ein paar Monate nicht mehr bei uns, und seitdem hat sich viel getan: neue Zelte, Daunenjacken mit recycelter Daune und lebenslang kostenlose Reparaturen für Pro-Mitglieder. Komm zurück und spar mit dem Code BACKOUTSIDE 15 % auf deine nächste Bestellung."),
    "fr": ("Vous nous manquez : -15 % sur votre prochaine aventure", "Cela fait un moment ! Avec le code BACKOUTSIDE, profitez de 15 % sur tout jusqu’au 15 novembre.", "Cela fait longtemps", "Vous n’êtes pas passé depuis quelques mois, et beaucoup de choses ont changé : de nouvelles tentes, des doudounes en duvet recyclé et des réparations gratuites à vie pour les membres Pro. Revenez avec 15 % de réduction sur votre prochaine commande grâce au code BACKOUTSIDE."),
    "es": ("Te echamos de menos: 15 % en tu próxima aventura", "¡Cuánto tiempo! Con el código BACKOUTSIDE tienes un 15 % de descuento en todo hasta el 15 de noviembre.", "Cuánto tiempo", "Hace unos meses que no te pasas por aquí y han cambiado muchas cosas: tiendas nuevas, chaquetas de plumón reciclado y reparaciones gratis de por vida para los miembros Pro. Vuelve con un 15 % de descuento en tu próximo pedido con el código BACKOUTSIDE."),
    "nl": ("We missen je – 15% korting op je volgende avontuur", "Lang niet gezien! Met code BACKOUTSIDE krijg je tot 15 november 15% korting op alles.", "Lang niet gezien", "Je bent al een paar maanden niet langs geweest en er is veel veranderd: nieuwe tenten, donsjassen met gerecycled dons en levenslang gratis reparaties voor Pro-leden. Kom terug met 15% korting op je volgende bestelling met de code BACKOUTSIDE."),
    "pt-BR": ("Sentimos sua falta: 15% off na sua próxima aventura", "Faz tempo! Use o cupom BACKOUTSIDE e ganhe 15% de desconto em tudo até 15 de novembro.", "Quanto tempo", "Faz alguns meses que você não aparece, e muita coisa mudou: barracas novas, jaquetas com pluma reciclada e reparos gratuitos vitalícios para membros Pro. Volte com 15% de desconto no seu próximo pedido usando o cupom BACKOUTSIDE."),
}
COPY["vip_beta"] = {
    "en": ("You’re in: test the Summit Pack 45 prototype before anyone else", "Your prototype ships next week. Take it out for three trips, tell us what annoys you, and keep it afterwards.", "Welcome to the beta", "Thank you for joining our beta programme. Next week a pre-production Summit Pack 45 will arrive at your door. Take it on at least three trips before October 31, fill in the short field report after each one — and keep the pack when we’re done."),
    "de": ("Du bist dabei: Teste den Prototyp des Summit Pack 45 vor allen anderen", "Dein Prototyp kommt nächste Woche. Nimm ihn auf drei Touren mit, sag uns, was stört – und behalte ihn.", "Willkommen in der Beta", "Danke, dass du bei unserem Beta-Programm mitmachst. Nächste Woche kommt ein Vorserien-Summit-Pack-45 zu dir nach Hause. Nimm ihn bis 31. Oktober auf mindestens drei Touren mit, füll nach jeder Tour den kurzen Feldbericht aus – und behalte den Rucksack danach."),
    "sv": ("Du är med: testa prototypen av Summit Pack 45 före alla andra", "Din prototyp skickas nästa vecka. Ta med den på tre turer, berätta vad som stör dig – och behåll den sedan.", "Välkommen till betan", "Tack för att du är med i vårt betaprogram. Nästa vecka får du en förseriemodell av Summit Pack 45 hem till dörren. Ta med den på minst tre turer före den 31 oktober, fyll i den korta fältrapporten efter varje tur – och behåll ryggsäcken när vi är klara."),
}
COPY["ceo_letter"] = {
    "en": ("A note from Maja: 15 years of Northwind", "Fifteen years ago we sold our first tent from a garage in Portland. Here’s what we’ve learned since.", "Fifteen years on the trail", "Fifteen years ago, Jonas and I sold our first tent out of a garage in Portland. Today Northwind has stores in two countries, a repair workshop that fixed almost fifteen thousand items this year, and customers in more than forty countries."),
    "de": ("Ein paar Zeilen von Maja: 15 Jahre Northwind", "Vor 15 Jahren verkauften wir unser erstes Zelt aus einer Garage in Portland. Das haben wir gelernt.", "Fünfzehn Jahre auf dem Trail", "Vor fünfzehn Jahren haben Jonas und ich unser erstes Zelt aus einer Garage in Portland verkauft. Heute hat Northwind Stores in zwei Ländern, eine Reparaturwerkstatt, die in diesem Jahr fast fünfzehntausend Teile repariert hat, und Kundinnen und Kunden in über vierzig Ländern."),
    "fr": ("Un mot de Maja : 15 ans de Northwind", "Il y a 15 ans, nous vendions notre première tente depuis un garage de Portland. Ce que nous avons appris.", "Quinze ans sur les sentiers", "Il y a quinze ans, Jonas et moi vendions notre première tente depuis un garage de Portland. Aujourd’hui, Northwind compte des magasins dans deux pays, un atelier de réparation qui a remis en état près de quinze mille articles cette année, et des clients dans plus de quarante pays."),
    "es": ("Unas palabras de Maja: 15 años de Northwind", "Hace 15 años vendimos nuestra primera tienda desde un garaje en Portland. Esto es lo que hemos aprendido.", "Quince años en el sendero", "Hace quince años, Jonas y yo vendimos nuestra primera tienda de campaña desde un garaje en Portland. Hoy Northwind tiene tiendas en dos países, un taller que este año ha reparado casi quince mil artículos y clientes en más de cuarenta países."),
    "it": ("Due parole da Maja: 15 anni di Northwind", "15 anni fa abbiamo venduto la nostra prima tenda da un garage di Portland. Ecco cosa abbiamo imparato.", "Quindici anni sul sentiero", "Quindici anni fa Jonas e io abbiamo venduto la nostra prima tenda da un garage di Portland. Oggi Northwind ha negozi in due Paesi, un laboratorio che quest’anno ha riparato quasi quindicimila articoli e clienti in più di quaranta Paesi."),
    "nl": ("Een bericht van Maja: 15 jaar Northwind", "15 jaar geleden verkochten we onze eerste tent vanuit een garage in Portland. Dit hebben we geleerd.", "Vijftien jaar onderweg", "Vijftien jaar geleden verkochten Jonas en ik onze eerste tent vanuit een garage in Portland. Vandaag heeft Northwind winkels in twee landen, een reparatiewerkplaats die dit jaar bijna vijftienduizend artikelen heeft gerepareerd en klanten in meer dan veertig landen."),
    "ja": ("マヤからのメッセージ：Northwind 15周年", "15年前、私たちはポートランドのガレージで最初のテントを販売しました。それから学んだことをお伝えします。", "トレイルとともに歩んだ15年", "15年前、ヨナスと私はポートランドのガレージで最初のテントを販売しました。今では Northwind は2か国に店舗を構え、今年だけで約1万5千点を修理したリペア工房を持ち、40か国以上のお客様にご利用いただいています。"),
}
EXTRA["ceo_letter"] = {
    "en": dict(paras=["What hasn’t changed is why we started: to make gear that lasts, and to get more people outside. Thank you for being part of that story — we’ll keep earning your trust, one trip at a time."], sign="Maja Lindqvist, co-founder &amp; CEO"),
    "de": dict(paras=["Unverändert geblieben ist, warum wir angefangen haben: Ausrüstung zu bauen, die hält, und mehr Menschen nach draußen zu bringen. Danke, dass du Teil dieser Geschichte bist – wir arbeiten weiter daran, dein Vertrauen zu verdienen, Tour für Tour."], sign="Maja Lindqvist, Mitgründerin &amp; CEO"),
    "fr": dict(paras=["Ce qui n’a pas changé, c’est la raison pour laquelle nous avons commencé : fabriquer un équipement qui dure et donner envie à plus de gens de sortir. Merci de faire partie de cette histoire ; nous continuerons à mériter votre confiance, sortie après sortie."], sign="Maja Lindqvist, cofondatrice et PDG"),
    "es": dict(paras=["Lo que no ha cambiado es el motivo por el que empezamos: crear equipo que dure y animar a más gente a salir. Gracias por formar parte de esta historia; seguiremos ganándonos tu confianza, salida a salida."], sign="Maja Lindqvist, cofundadora y CEO"),
    "it": dict(paras=["Quello che non è cambiato è il motivo per cui abbiamo iniziato: creare attrezzatura che duri e portare più persone all’aria aperta. Grazie per far parte di questa storia: continueremo a meritare la tua fiducia, un’uscita alla volta."], sign="Maja Lindqvist, cofondatrice e CEO"),
    "nl": dict(paras=["Wat niet is veranderd, is waarom we begonnen: uitrusting maken die lang meegaat en meer mensen naar buiten krijgen. Bedankt dat je deel uitmaakt van dit verhaal – we blijven je vertrouwen verdienen, tocht na tocht."], sign="Maja Lindqvist, medeoprichter en CEO"),
    "ja": dict(paras=["変わらないのは、私たちが始めた理由です。長く使える道具をつくり、より多くの人を外の世界へ誘うこと。この物語の一員でいてくださり、ありがとうございます。これからも一回一回の山行を通じて、皆さまの信頼に応えていきます。"], sign="共同創業者兼CEO マヤ・リンドクヴィスト"),
}
COPY["winter_camping"] = {
    "en": ("Live masterclass: winter camping without the shivers", "Thursday, December 10 at 19:00 CET with polar guide Aino Virtanen — free, 60 minutes, with live Q&A.", "Winter camping, explained", "Snow walls, sleeping systems, keeping your stove running at −20 °C: polar guide Aino Virtanen shares what she has learned from fifteen winters in Lapland. Bring your questions — the last 20 minutes are all yours."),
    "de": ("Live-Masterclass: Wintercamping ohne Zähneklappern", "Donnerstag, 10. Dezember, 19 Uhr MEZ mit Polarguide Aino Virtanen – kostenlos, 60 Minuten, mit Fragerunde.", "Wintercamping, erklärt", "Schneewände, Schlafsysteme, ein Kocher, der auch bei −20 °C läuft: Polarguide Aino Virtanen teilt, was sie in fünfzehn Wintern in Lappland gelernt hat. Bring deine Fragen mit – die letzten 20 Minuten gehören dir."),
    "fr": ("Masterclass en direct : camper en hiver sans grelotter", "Jeudi 10 décembre à 19 h (CET) avec la guide polaire Aino Virtanen : gratuit, 60 minutes, questions en direct.", "Le camping d’hiver, expliqué", "Murs de neige, système de couchage, réchaud qui fonctionne à −20 °C : la guide polaire Aino Virtanen partage ce qu’elle a appris en quinze hivers en Laponie. Préparez vos questions, les 20 dernières minutes sont pour vous."),
    "fi": ("Live-mestarikurssi: talviretkeily ilman hytinää", "Torstaina 10.12. klo 20 Suomen aikaa napa-alueiden oppaan Aino Virtasen kanssa – maksuton, 60 min.", "Talviretkeily selitettynä", "Lumimuurit, makuujärjestelmät ja retkikeitin, joka toimii −20 asteessa: napa-alueiden opas Aino Virtanen kertoo, mitä hän on oppinut viidentoista Lapin talven aikana. Ota kysymyksesi mukaan – viimeiset 20 minuuttia ovat sinun."),
    "sv": ("Live-mästarklass: vintercamping utan att frysa", "Torsdag 10 december kl. 19.00 med polarguiden Aino Virtanen – gratis, 60 minuter, med frågestund.", "Vintercamping, förklarat", "Snömurar, sovsystem och ett kök som fungerar i −20 °C: polarguiden Aino Virtanen delar med sig av vad hon har lärt sig under femton vintrar i Lappland. Ta med dina frågor – de sista 20 minuterna är dina."),
}

# ---------------------------------------------------------------------------
# Catalogue (large body): 11 categories x 6 items
# ---------------------------------------------------------------------------
CATALOGUE = [
    ("Tents", "Zelte", [("Ridgeline 1", 379, 1150), ("Ridgeline 2", 449, 1400), ("Ridgeline 3", 529, 1890), ("Basalt 2 Four-Season", 689, 2650), ("Tundra Dome 3", 749, 3400), ("Alder Tarp 3×3", 119, 540)]),
    ("Sleeping bags", "Schlafsäcke", [("Cirrus −5°", 329, 980), ("Cirrus −15°", 419, 1320), ("Juniper +5° Synthetic", 149, 1100), ("Tundra −25° Expedition", 689, 1950), ("Loft Quilt +2°", 259, 640), ("Juniper Kids", 89, 900)]),
    ("Sleeping pads", "Isomatten", [("Loft Air", 139, 480), ("Loft Air Wide", 159, 590), ("Loft Air Insulated", 189, 560), ("Granite Foam Z", 49, 410), ("Basecamp SI 7.5", 129, 1480), ("Loft Pillow", 35, 90)]),
    ("Down & insulation", "Daune & Isolation", [("Aurora Down Jacket", 289, 390), ("Aurora Down Hoody", 319, 430), ("Aurora Down Vest", 199, 270), ("Fjell Synthetic Jacket", 229, 460), ("Tundra Expedition Parka", 599, 1020), ("Aurora Down Booties", 79, 160)]),
    ("Shells", "Hardshells", [("Stormline Rain Shell", 239, 350), ("Stormline Pants", 179, 280), ("Cascade 3L Pro Jacket", 449, 420), ("Cascade 3L Bibs", 399, 560), ("Alder Wind Shirt", 119, 110), ("Alder Poncho", 89, 330)]),
    ("Base & mid layers", "Baselayer & Midlayer", [("Merino 200 Crew", 85, 180), ("Merino 200 Leggings", 79, 160), ("Merino 150 Tee", 65, 130), ("Grid Fleece Hoody", 119, 330), ("Alpha Active Jacket", 169, 290), ("Merino Neck Gaiter", 29, 40)]),
    ("Footwear", "Schuhe", [("Trailhead Mid GTX", 189, 1060), ("Trailhead Low", 159, 820), ("Basalt Mountaineering Boot", 389, 1740), ("Cascade Trail Runner", 149, 600), ("Tundra Winter Boot", 219, 1480), ("Camp Moc", 69, 380)]),
    ("Packs", "Rucksäcke", [("Summit Pack 45", 219, 1350), ("Summit Pack 60", 269, 1620), ("Ridge Daypack 22", 119, 720), ("Ridge Daypack 30", 139, 840), ("Cascade Vest 12", 129, 280), ("Alder Dry Bag Set", 45, 150)]),
    ("Cooking", "Kochen", [("Kettle Ti Stove", 79, 74), ("Kettle Ti Pot 750", 59, 110), ("Basecamp Two-Burner", 149, 3600), ("Alder Spork Set", 15, 30), ("Kettle Fuel 230 g", 9, 360), ("Insulated Mug 350", 29, 160)]),
    ("Light & navigation", "Licht & Navigation", [("Beacon 400 Headlamp", 49, 75), ("Beacon 900 Rechargeable", 89, 110), ("Beacon Lantern", 59, 190), ("Trail GPS Mini", 249, 120), ("Baseplate Compass", 39, 40), ("Emergency Bivy", 35, 110)]),
    ("Winter travel", "Wintertouren", [("Granite Microspikes", 69, 390), ("Tundra Snowshoes 25", 229, 1860), ("Carbon Trekking Poles", 129, 420), ("Basalt Avalanche Shovel", 79, 560), ("Basalt Probe 240", 59, 280), ("Alder Gaiters", 55, 230)]),
]

# ---------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------
_rng = random.Random(SEED)


def rnd():
    return _rng


def fill(tpl, **kw):
    for k, v in kw.items():
        tpl = tpl.replace("[[" + k + "]]", str(v))
    return tpl


def esc_amp(url):
    return url.replace("&", "&amp;")


def utm(path, campaign, content):
    sep = "&" if "?" in path else "?"
    url = f"{SITE}{path}{sep}utm_source=customerio&utm_medium=email&utm_campaign={campaign}&utm_content={content}"
    return esc_amp(url)


EN_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
             "October", "November", "December"]


def fmt_date(lang, y, m, d):
    if lang == "":
        return f"{EN_MONTHS[m - 1]} {d}, {y}"
    if lang in ("ja", "zh-Hans"):
        return f"{y}年{m}月{d}日"
    if lang == "ko":
        return f"{y}년 {m}월 {d}일"
    if lang == "sv":
        return f"{y}-{m:02d}-{d:02d}"
    if lang == "nl":
        return f"{d:02d}-{m:02d}-{y}"
    if lang in ("fr", "es", "it", "pt-BR"):
        return f"{d:02d}/{m:02d}/{y}"
    if lang == "fi":
        return f"{d}.{m}.{y}"
    return f"{d:02d}.{m:02d}.{y}"


def _group(n, sep):
    s = f"{n:,}"
    return s.replace(",", sep)


def price(lang, usd):
    """Plain-text localized price for product cards (no Liquid)."""
    if lang == "":
        return f"${usd:,}"
    if lang in ("de", "fr", "es", "it", "fi"):
        v = round(usd * 0.95) - 0.05
        s = f"{v:,.2f}".replace(",", "X").replace(".", ",").replace("X", "." if lang in ("de", "es", "it") else "\u202f")
        return f"{s} €"
    if lang == "nl":
        v = round(usd * 0.95) - 0.05
        return "€ " + f"{v:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
    if lang == "pt-BR":
        v = round(usd * 5.5 / 10) * 10 - 0.10
        return "R$ " + f"{v:,.2f}".replace(",", "X").replace(".", ",").replace("X", ".")
    if lang == "ja":
        return f"{round(usd * 150, -2):,.0f}円"
    if lang == "ko":
        return f"{round(usd * 1380, -3):,.0f}원"
    if lang == "zh-Hans":
        return f"¥{round(usd * 7.2):,}"
    if lang == "pl":
        return _group(round(usd * 4.0 / 10) * 10 - 1, "\u00a0") + " zł"
    if lang == "sv":
        return _group(round(usd * 10.5 / 10) * 10 - 1, "\u00a0") + " kr"
    if lang == "da":
        return _group(round(usd * 7.1 / 10) * 10 - 1, ".") + " kr."
    if lang == "tr":
        return "₺" + _group(round(usd * 40 / 10) * 10 - 1, ".")
    raise ValueError(lang)


def points_expr(lang):
    loc = NUM_LOCALE.get(lang)
    if loc:
        return '{{ customer.loyalty_points | default: 0 | format_number: "' + loc + '" }}'
    return "{{ customer.loyalty_points | default: 0 | format_number }}"


def T(lang):
    return COMMON["en" if lang == "" else lang]


def copy_for(kind, lang):
    return COPY[kind]["en" if lang == "" else lang]


def extra_for(kind, lang):
    return EXTRA.get(kind, {}).get("en" if lang == "" else lang, {})


# ---------------------------------------------------------------------------
# HTML building blocks (inline styles, table layout, as email tools produce)
# ---------------------------------------------------------------------------
FONT = "font-family:Arial,sans-serif;"

DOC_HEAD = """<!DOCTYPE html>
<html lang="[[html_lang]]">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="x-apple-disable-message-reformatting">
<meta name="color-scheme" content="light dark">
<title>[[title]]</title>
<style>
body{margin:0;padding:0;background:#f3f1ec}
a{color:#2f6b4f}
@media (max-width:620px){.container{width:100%!important}
.stack{display:block!important;width:100%!important}
.px{padding-left:20px!important;padding-right:20px!important}
.hero-title{font-size:24px!important;line-height:30px!important}
}
@media (prefers-color-scheme:dark){.bg-page{background:#121614!important}
.bg-card{background:#1d2420!important}
.fg{color:#e6ebe7!important}
}
</style>
</head>
<body style="margin:0;padding:0;background:#f3f1ec;">
<table role="presentation" class="bg-page" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#f3f1ec;">
<tr><td align="center" style="padding:24px 12px;">
<table role="presentation" class="container bg-card" width="600" cellpadding="0" cellspacing="0" border="0" style="width:600px;max-width:600px;background:#ffffff;border-radius:6px;">
<tr><td class="px" style="padding:12px 32px 0;""" + FONT + """font-size:12px;line-height:18px;color:#6b6b6b;text-align:right;"><a href="{% view_in_browser_url %}" style="color:#6b6b6b;">[[view]]</a></td></tr>
<tr><td>{{snippets.header_logo}}</td></tr>
"""

DOC_TAIL = """<tr><td class="px" style="padding:8px 32px 24px;""" + FONT + """font-size:12px;line-height:18px;color:#6b6b6b;">[[why]] <a href="{% unsubscribe_url %}" style="color:#6b6b6b;">[[unsubscribe]]</a> · <a href="{% manage_subscription_preferences_url %}" style="color:#6b6b6b;">[[preferences]]</a></td></tr>
<tr><td>[[footer]]</td></tr>
</table>
</td></tr>
</table>
</body>
</html>
"""


def row_hero(img, href, alt):
    return ('<tr><td style="padding:0;"><a href="' + href + '"><img src="' + img + '" width="600" alt="' + alt +
            '" style="display:block;width:100%;max-width:600px;height:auto;border:0;"></a></td></tr>\n')


def row_text(headline, greet, paras, h_tag="h1"):
    size = "28px;line-height:34px" if h_tag == "h1" else "22px;line-height:28px"
    out = ('<tr><td class="px fg" style="padding:32px 32px 8px;' + FONT + 'font-size:16px;line-height:25px;color:#1f2a24;">\n')
    if headline:
        out += ('<' + h_tag + (' class="hero-title"' if h_tag == "h1" else "") + ' style="margin:0 0 16px;font-size:' + size +
                ';font-weight:bold;color:#1f3d2b;">' + headline + '</' + h_tag + '>\n')
    if greet:
        out += '<p style="margin:0 0 12px;">' + greet + '</p>\n'
    for p in paras:
        out += '<p style="margin:0 0 12px;">' + p + '</p>\n'
    out += '</td></tr>\n'
    return out


def row_button(label, href, color="#2f6b4f"):
    return ('<tr><td align="center" style="padding:8px 32px 28px;">\n'
            '<table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr>'
            '<td style="border-radius:4px;background:' + color + ';">'
            '<a href="' + href + '" style="display:inline-block;padding:14px 28px;' + FONT +
            'font-size:16px;line-height:20px;font-weight:bold;color:#ffffff;text-decoration:none;">' + label +
            '</a></td></tr></table>\n</td></tr>\n')


def row_products(lang, products, campaign, cta):
    cells = []
    for sku, name, usd, slug in products:
        href = utm("/p/" + slug, campaign, "grid-" + sku.lower())
        cells.append(
            '<td class="stack" width="33%" valign="top" style="padding:0 6px 16px;' + FONT + 'font-size:14px;line-height:20px;color:#1f2a24;">'
            '<a href="' + href + '"><img src="' + IMG + '/products/' + slug + '-400x400.jpg" width="170" alt="' + name +
            '" style="display:block;width:100%;height:auto;border:0;border-radius:4px;"></a>'
            '<p style="margin:8px 0 2px;font-weight:bold;">' + name + '</p>'
            '<p style="margin:0 0 6px;color:#4d5a52;">' + price(lang, usd) + '</p>'
            '<a href="' + href + '" style="color:#2f6b4f;font-weight:bold;text-decoration:none;">' + cta + ' →</a></td>')
    return ('<tr><td class="px" style="padding:8px 26px 8px;">\n<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr>\n'
            + "\n".join(cells) + '\n</tr></table>\n</td></tr>\n')


def row_pro(lang, campaign):
    t = T(lang)
    join = utm("/pro", campaign, "pro-block")
    yes = t["pro_yes"].replace("{points}", points_expr(lang))
    return ('<tr><td class="px" style="padding:0 32px 24px;">\n'
            '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" style="background:#eef4ef;border-radius:4px;"><tr>'
            '<td style="padding:16px 20px;' + FONT + 'font-size:14px;line-height:21px;color:#1f3d2b;">\n'
            '{% if customer.plan == "pro" %}' + yes + '{% else %}' + t["pro_no"] +
            ' <a href="' + join + '" style="color:#2f6b4f;font-weight:bold;">' + t["join_pro"] + '</a>{% endif %}\n'
            '</td></tr></table>\n</td></tr>\n')


def row_snippet(expr):
    return '<tr><td style="padding:0 0 16px;">' + expr + '</td></tr>\n'


ROW_LEGAL = ('<tr><td class="px" style="padding:0 32px 8px;' + FONT + 'font-size:11px;line-height:16px;color:#8a8a8a;">'
             '{% if customer.region == "eu" %}{{snippets.legal_eu}}{% else %}{{snippets.legal_us}}{% endif %}</td></tr>\n')


def row_details(lang, rows):
    t = T(lang)
    trs = ""
    for key, val in rows:
        trs += ('<tr><td width="30%" style="padding:6px 0;' + FONT + 'font-size:14px;color:#6b6b6b;">' + t[key] +
                '</td><td style="padding:6px 0;' + FONT + 'font-size:14px;color:#1f2a24;font-weight:bold;">' + val + '</td></tr>\n')
    return ('<tr><td class="px" style="padding:0 32px 16px;">\n<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" '
            'style="border-top:1px solid #e3e0d8;border-bottom:1px solid #e3e0d8;">\n' + trs + '</table>\n</td></tr>\n')


def row_story(lang, story, campaign, pos):
    slug, tr = story
    title, teaser = tr["en" if lang == "" else lang]
    href = utm("/journal/" + slug, campaign, f"story-{pos}")
    return ('<tr><td class="px" style="padding:0 32px 20px;">\n<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr>\n'
            '<td class="stack" width="180" valign="top" style="padding:0 16px 8px 0;"><a href="' + href + '"><img src="' + IMG +
            '/journal/' + slug + '-360x240.jpg" width="180" alt="" style="display:block;width:100%;height:auto;border:0;border-radius:4px;"></a></td>\n'
            '<td class="stack fg" valign="top" style="' + FONT + 'font-size:15px;line-height:22px;color:#1f2a24;">'
            '<h2 style="margin:0 0 6px;font-size:18px;line-height:24px;color:#1f3d2b;">' + title + '</h2>'
            '<p style="margin:0 0 8px;">' + teaser + '</p>'
            '<a href="' + href + '" style="color:#2f6b4f;font-weight:bold;text-decoration:none;">' + T(lang)["read_more"] + ' →</a></td>\n'
            '</tr></table>\n</td></tr>\n')


def row_nps(lang, campaign):
    t = T(lang)
    cells = ""
    for score in range(11):
        href = esc_amp(f"https://survey.northwind.example/nps/autumn-2026?score={score}&cid={{{{ customer.id }}}}&lang={lang or 'en'}")
        cells += ('<td align="center" style="padding:2px;"><a href="' + href + '" style="display:block;width:36px;padding:9px 0;' + FONT +
                  'font-size:15px;font-weight:bold;color:#1f3d2b;background:#eef4ef;border-radius:4px;text-decoration:none;">' + str(score) + '</a></td>')
    return ('<tr><td class="px" style="padding:0 26px 8px;">\n<p style="margin:0 6px 12px;' + FONT + 'font-size:16px;font-weight:bold;color:#1f2a24;">' + t["nps_q"] + '</p>\n'
            '<table role="presentation" cellpadding="0" cellspacing="0" border="0"><tr>' + cells + '</tr></table>\n'
            '<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr>'
            '<td style="padding:6px;' + FONT + 'font-size:12px;color:#6b6b6b;">' + t["nps_low"] + '</td>'
            '<td align="right" style="padding:6px;' + FONT + 'font-size:12px;color:#6b6b6b;">' + t["nps_high"] + '</td></tr></table>\n</td></tr>\n')


def row_bullets(items):
    lis = "".join('<li style="margin:0 0 8px;">' + b + '</li>\n' for b in items)
    return ('<tr><td class="px fg" style="padding:0 32px 8px;' + FONT + 'font-size:16px;line-height:25px;color:#1f2a24;">\n'
            '<ul style="margin:0 0 12px;padding-left:20px;">\n' + lis + '</ul>\n</td></tr>\n')


def row_points_table(lang):
    t = T(lang)
    loc = NUM_LOCALE.get(lang)
    fmt = ' | format_number: "' + loc + '"' if loc else " | format_number"
    rows = [
        ("balance", "{{ customer.loyalty_points | default: 0" + fmt + " }}"),
        ("earned", "{{ customer.points_earned_month | default: 0" + fmt + " }}"),
        ("expiring", "{{ customer.points_expiring | default: 0" + fmt + " }}"),
        ("tier", '{{ customer.plan | default: "free" | capitalize }}'),
    ]
    return row_details(lang, rows)


def row_stats(lang):
    # year-in-review numbers, all guarded with default so strict mode passes
    vals = [
        ("{{ customer.km_logged_2026 | default: 0 | format_number }} km", "🥾"),
        ("{{ customer.trails_logged_2026 | default: 0 }}", "🗺️"),
        ("{{ customer.loyalty_points | default: 0 | format_number }}", "⭐"),
    ]
    cells = "".join('<td class="stack" width="33%" align="center" style="padding:12px;' + FONT +
                    'font-size:26px;line-height:32px;font-weight:bold;color:#1f3d2b;">' + icon + '<br>' + v + '</td>' for v, icon in vals)
    return ('<tr><td class="px" style="padding:0 26px 16px;">\n<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" '
            'style="background:#eef4ef;border-radius:4px;"><tr>' + cells + '</tr></table>\n</td></tr>\n')


def doc(lang, title, rows, topic):
    t = T(lang)
    footer_name = FOOTER_SNIPPET.get(lang, "footer")
    head = fill(DOC_HEAD, html_lang=HTML_LANG.get(lang, lang), title=title, view=t["view"])
    tail = fill(DOC_TAIL, why=t["why_topic"] if topic else t["why_generic"], unsubscribe=t["unsubscribe"],
                preferences=t["preferences"], footer="{{snippets." + footer_name + "}}")
    return head + "".join(rows) + tail

# ---------------------------------------------------------------------------
# Senders, segments
# ---------------------------------------------------------------------------
SENDERS = [
    # id, name, email, auto_generated, hidden
    (1, "Northwind Outdoor", "hello@northwind.example", False, False),
    (2, "Northwind Support", "support@northwind.example", False, False),
    (3, "Maja Lindqvist, Northwind", "maja@northwind.example", False, False),
    (4, "Northwind Outdoor Deutschland", "hallo@northwind.example", False, False),
    (5, "Northwind Events", "events@northwind.example", False, False),
    (6, "Trail Notes by Northwind", "trailnotes@northwind.example", False, False),
    (7, "Northwind Outdoor", "noreply@northwind.example", True, False),
    (8, "Northwind Newsletter (legacy, do not use)", "news@mail.northwind.example", False, True),
]
S_HELLO, S_SUPPORT, S_CEO, S_DE, S_EVENTS, S_TN, S_NOREPLY, S_LEGACY = 1, 2, 3, 4, 5, 6, 7, 8

SEG = dict(active30=1, german=2, french=3, trial7=5, pro=6, vip_beta=8, berlin_leads=9, churn=11,
           imported=12, holdout=14, es_pt=15, apac=17, purchased90=18, points1000=20, ambassadors=21,
           run_club=23, staff=24, nordic=26, unengaged=27, new_month=29)

TOPICS = {"trail_notes": 1, "offers": 2, "events": 3, "product": 4}

# ---------------------------------------------------------------------------
# Newsletter plan
# ---------------------------------------------------------------------------
P = {p[0]: p for p in PRODUCTS}


def prods(*skus):
    return [P[s] for s in skus]


# A/B group definitions: (name, label, mods)
AB_EMOJI = [("A", "Subject: plain", {}), ("B", "Subject: emoji", {"subject": "emoji"})]
AB_PERSONAL = [("A", "Subject: personalised (first name)", {"subject": "personal"}), ("B", "Subject: generic", {})]
AB_HERO = [("A", "Hero: lifestyle photo", {"hero": "lifestyle"}), ("B", "Hero: product shot", {"hero": "product"})]
AB_CTA3 = [("A", "CTA: Get the app", {"cta": "download_app"}), ("B", "CTA: Learn more", {"cta": "learn_more"}),
           ("C", "CTA: QR code + badges", {"cta": "download_app", "qr": True})]
AB_SUBJ3 = [("A", "Subject: plain", {}), ("B", "Subject: emoji", {"subject": "emoji"}),
            ("C", "Subject: personalised", {"subject": "personal"})]
AB_LAYOUT = [("A", "Layout: stats first", {"order": "stats"}), ("B", "Layout: story first", {"order": "story"})]

# kind -> meta. dates are (y, m, d, hour) UTC; sent=True means sent_at is set.
PLAN = [
    dict(kind="pro_welcome", name="Northwind Pro launch announcement", slug="pro-launch", layout="announce", topic="product",
         tags=["pro", "announcement", "onboarding"], langs=["de", "fr", "es", "nl", "pl"], segs=["active30", "imported"],
         date=(2026, 9, 8, 16), sent=True, from_id=S_HELLO, cta="join_pro", cta_path="/pro", plain=True),
    dict(kind="berlin_fest", name="Event invite — Berlin Outdoor Festival 2026", slug="berlin-outdoor-festival-2026", layout="event", topic="events",
         tags=["event", "berlin", "invitation"], langs=["de"], segs=["berlin_leads", "german"],
         date=(2026, 9, 10, 8), sent=True, from_id=S_EVENTS, cta="register", cta_path="/events/berlin-outdoor-festival-2026",
         event=((2026, 10, 3), "10:00–18:00", "Tempelhofer Feld, Berlin · B14")),
    dict(kind="vip_beta", name="VIP beta — Summit Pack 45 prototype", slug="summit-45-beta", layout="letter", topic=None,
         tags=["beta", "vip"], langs=["de", "sv"], segs=["vip_beta"], date=(2026, 9, 15, 9), sent=True,
         from_id=S_CEO, reply_to=S_CEO, cta="learn_more", cta_path="/beta/summit-45", plain=True),
    dict(kind="fall_sale", name="Fall Gear Sale 2026 — launch", slug="fall-sale-2026", layout="promo", topic="offers",
         tags=["sale", "seasonal", "fall-2026"], langs=["de", "fr", "es", "it", "nl", "pt-BR"], segs=["active30", "purchased90"],
         date=(2026, 9, 18, 14), sent=True, from_id=S_HELLO, de_from=S_DE, cta="shop_now", cta_path="/sale/fall",
         products=prods("NW-TNT-R2", "NW-PCK-S45", "NW-SHL-STR"), ab=AB_EMOJI, winner="B", emoji="🍂", amp=True,
         headers=True),
    dict(kind="app_launch", name="Northwind app launch (iOS + Android)", slug="app-launch", layout="announce", topic="product",
         tags=["app", "announcement"], langs=["de", "fr", "es", "ja"], segs=["active30", "pro"],
         date=(2026, 9, 22, 15), sent=True, from_id=S_HELLO, cta="download_app", cta_path="/app", ab=AB_CTA3, winner="A",
         snippet="{{snippets.app_store_badges}}"),
    dict(kind="fall_last", name="Fall Gear Sale 2026 — last chance", slug="fall-sale-2026", layout="promo", topic="offers",
         tags=["sale", "seasonal", "fall-2026", "reminder"], langs=["de", "fr", "es", "it", "nl"], segs=["active30", "purchased90"],
         date=(2026, 9, 26, 9), sent=True, from_id=S_HELLO, de_from=S_DE, cta="shop_now", cta_path="/sale/fall",
         products=prods("NW-JKT-AUR", "NW-BT-TRM", "NW-SHL-STR"), snippet="{{snippets.free_shipping_bar}}", headers=True),
    dict(kind="trial_ends", name="Pro trial ends in 7 days (API-triggered)", slug="pro-trial-ending", layout="announce", topic=None,
         tags=["pro", "lifecycle", "api-triggered"], langs=["de", "fr", "es"], segs=["trial7"], date=(2026, 9, 29, 10), sent=True,
         from_id=S_SUPPORT, cta="join_pro", cta_path="/account/membership", snippet='{{snippets["pro member perks"]}}'),
    dict(kind="ridgeline", name="Product launch — Ridgeline 2 tent", slug="ridgeline-2-launch", layout="promo", topic="product",
         tags=["launch", "tents"], langs=["de", "fr", "ja", "ko"], segs=["active30", "pro"], date=(2026, 10, 1, 13), sent=True,
         from_id=S_HELLO, cta="shop_now", cta_path="/p/ridgeline-2-tent", products=prods("NW-TNT-R2", "NW-PAD-LFT", "NW-SB-CIR"),
         ab=AB_HERO, winner="B", amp=True),
    dict(kind="winback", name="Win-back — 15% off (churn-risk list)", slug="winback-q4", layout="promo", topic="offers",
         tags=["retention", "win-back", "discount"], langs=["de", "fr", "es", "nl", "pt-BR"], segs=["churn", "unengaged"],
         date=(2026, 10, 2, 15), sent=True, from_id=S_HELLO, cta="shop_now", cta_path="/new", ab=AB_PERSONAL, winner="A",
         products=prods("NW-TNT-R2", "NW-JKT-AUR", "NW-BL-M200")),
    dict(kind="referral", name="Referral programme — give 20, get 20", slug="referral-2026", layout="announce", topic="offers",
         tags=["referral", "pro"], langs=["de", "fr", "es", "it", "nl"], segs=["pro"], date=(2026, 10, 6, 14), sent=True,
         from_id=S_HELLO, cta="learn_more", cta_path="/r/{{ customer.id }}", ab=AB_PERSONAL, winner="B", emoji="🤝"),
    dict(kind="layering", name="Webinar invite — Layering 101", slug="layering-101-webinar", layout="event", topic="events",
         tags=["event", "webinar", "education"], langs=["de", "fr", "es"], segs=["german", "french", "active30"],
         date=(2026, 10, 7, 9), sent=True, from_id=S_EVENTS, cta="register", cta_path="/events/layering-101",
         event=((2026, 10, 15), "18:00–18:45 CET", "Online · Zoom")),
    dict(kind="back_in_stock", name="Back in stock — wishlist alert (event-triggered)", slug="back-in-stock", layout="promo", topic="product",
         tags=["wishlist", "event-triggered"], langs=["de", "fr"], segs=["purchased90"], date=(2026, 10, 12, 11), sent=True,
         from_id=S_HELLO, cta="shop_now", cta_path="/wishlist", products=prods("NW-JKT-AUR", "NW-SHL-STR", "NW-BL-M200")),
    dict(kind="aurora", name="Product launch — Aurora Down Jacket (recycled)", slug="aurora-down-2026", layout="promo", topic="product",
         tags=["launch", "insulation", "sustainability"], langs=["de", "fr", "sv", "fi", "ja"], segs=["active30"],
         date=(2026, 10, 14, 13), sent=True, from_id=S_HELLO, cta="see_collection", cta_path="/c/down",
         products=prods("NW-JKT-AUR", "NW-BL-M200", "NW-SHL-STR"), headers=True),
    dict(kind="repair_week", name="Free Repair Week (stores)", slug="free-repair-week", layout="announce", topic="events",
         tags=["sustainability", "stores", "repair"], langs=["de", "fr", "nl", "sv", "da"], segs=["german", "nordic", "active30"],
         date=(2026, 10, 16, 8), sent=True, from_id=S_HELLO, cta="learn_more", cta_path="/repair"),
    dict(kind="munich", name="Store opening — Munich, Sendlinger Straße", slug="munich-store-opening", layout="event", topic="events",
         tags=["event", "stores", "munich"], langs=["de"], segs=["german"], date=(2026, 10, 21, 7), sent=True, from_id=S_DE,
         cta="learn_more", cta_path="/stores/munich", event=((2026, 10, 24), "10:00–20:00", "Sendlinger Straße 42, 80331 München"),
         dnd=True),
    dict(kind="nps", name="NPS survey — autumn 2026", slug="nps-autumn-2026", layout="survey", topic=None,
         tags=["survey", "nps"], langs=["de", "fr", "es", "it", "nl", "ja"], segs=["purchased90"], date=(2026, 10, 28, 15), sent=True,
         from_id=S_SUPPORT),
    dict(kind="statement", name="Trail Points statement — October", slug="points-statement-october", layout="statement", topic=None,
         tags=["loyalty", "pro", "statement"], langs=["de", "fr", "es", "nl", "pt-BR"], segs=["pro", "points1000"],
         date=(2026, 11, 2, 9), sent=True, from_id=S_SUPPORT, cta="shop_now", cta_path="/account/points"),
    dict(kind="ambassador", name="Ambassador programme 2027 — applications", slug="ambassadors-2027", layout="announce", topic="events",
         tags=["community", "ambassadors"], langs=["de", "fr", "es", "it"], segs=["active30", "ambassadors"],
         date=(2026, 11, 3, 14), sent=True, from_id=S_HELLO, cta="learn_more", cta_path="/ambassadors", ab=AB_EMOJI, winner=None,
         emoji="🏔️"),
    dict(kind="tickets", name="Trail Days tickets (API-triggered broadcast)", slug="trail-days-tickets", layout="event", topic=None,
         tags=["event", "tickets", "api-triggered"], langs=["de", "nl"], segs=["active30"], date=(2026, 11, 4, 12), sent=True,
         from_id=S_EVENTS, cta="learn_more", cta_path="/events/trail-days",
         event=('{{ trigger.event_date | default: "2026-11-21" }}', "8:30", '{{ trigger.venue | default: "Northwind Basecamp, Portland" }}')),
    dict(kind="catalogue", name="Winter Catalogue 2026 (full range)", slug="winter-catalogue-2026", layout="catalogue", topic="product",
         tags=["catalogue", "winter", "long-read"], langs=["de"], segs=["pro", "german"], date=(2026, 11, 5, 10), sent=True,
         from_id=S_HELLO, de_from=S_DE, cta="see_collection", cta_path="/c/winter"),
    dict(kind="run_club", name="Trail Running Club Portland — November meetup", slug="run-club-november", layout="event", topic="events",
         tags=["community", "portland", "running"], langs=["es"], segs=["run_club"], date=(2026, 11, 9, 16), sent=True,
         from_id=S_EVENTS, cta="register", cta_path="/events/run-club",
         event=((2026, 11, 14), "7:30", "Lower Macleay Trailhead, Forest Park, Portland")),
    dict(kind="ceo_letter", name="15 years of Northwind — letter from Maja", slug="15-years", layout="letter", topic=None,
         tags=["brand", "founder"], langs=["de", "fr", "es", "it", "nl", "ja"], segs=["active30", "imported"],
         date=(2026, 11, 17, 15), sent=True, from_id=S_CEO, reply_to=S_CEO, plain=True, bcc="archive@northwind.example"),
    # ---- drafts ----
    dict(kind="bf_early", name="Black Friday 2026 — Pro early access", slug="black-friday-2026", layout="promo", topic="offers",
         tags=["sale", "black-friday", "pro"], langs=["de", "fr", "es", "it", "nl", "pt-BR", "ja"], segs=["pro"],
         date=(2026, 11, 12, 10), sent=False, from_id=S_HELLO, de_from=S_DE, cta="shop_now", cta_path="/black-friday",
         products=prods("NW-TNT-R2", "NW-JKT-AUR", "NW-PCK-S45"), ab=AB_SUBJ3, emoji="⚡",
         snippet='{{snippets["black friday banner"]}}', headers=True),
    dict(kind="bf_doors", name="Black Friday 2026 — doors open", slug="black-friday-2026", layout="promo", topic="offers",
         tags=["sale", "black-friday"], langs=["de", "fr", "es", "it", "pt-BR", "tr", "zh-Hans"], segs=["active30", "purchased90", "imported"],
         date=(2026, 11, 13, 9), sent=False, from_id=S_HELLO, de_from=S_DE, cta="shop_now", cta_path="/black-friday",
         products=prods("NW-SB-CIR", "NW-BT-TRM", "NW-HL-400"), snippet='{{snippets["black friday banner"]}}', headers=True),
    dict(kind="cyber", name="Cyber Monday 2026 — free express shipping", slug="cyber-monday-2026", layout="promo", topic="offers",
         tags=["sale", "cyber-monday"], langs=["de", "fr", "es", "nl"], segs=["active30"], date=(2026, 11, 16, 11), sent=False,
         from_id=S_HELLO, de_from=S_DE, cta="shop_now", cta_path="/cyber-monday",
         products=prods("NW-PCK-S45", "NW-STV-TI", "NW-HL-400"), snippet="{{snippets.free_shipping_bar}}"),
    dict(kind="gift_guide", name="Holiday Gift Guide 2026", slug="gift-guide-2026", layout="promo", topic="offers",
         tags=["holiday", "gift-guide"], langs=["de", "fr", "es", "it", "ja"], segs=["active30", "imported"],
         date=(2026, 11, 10, 14), sent=False, from_id=S_HELLO, de_from=S_DE, cta="see_collection", cta_path="/gifts",
         products=prods("NW-BTL-1L", "NW-HL-400", "NW-BL-M200"), ab=AB_HERO),
    dict(kind="holiday_hours", name="Holiday opening hours 2026", slug="holiday-hours-2026", layout="announce", topic=None,
         tags=["stores", "service", "holiday"], langs=["de", "fr", "nl", "sv", "da", "fi", "pl"], segs=["active30", "nordic"],
         date=(2026, 11, 18, 9), sent=False, from_id=S_SUPPORT, cta="learn_more", cta_path="/stores",
         snippet="{{snippets.holiday_opening_hours}}"),
    dict(kind="privacy", name="Privacy Policy & Terms update (Jan 2027)", slug="policy-update-2027", layout="letter", topic=None,
         tags=["legal", "policy", "transactional-like"],
         langs=["de", "fr", "es", "it", "nl", "pt-BR", "ja", "pl", "sv", "da", "fi"], segs=["active30", "imported", "unengaged"],
         date=(2026, 11, 6, 10), sent=False, from_id=S_SUPPORT, cta="learn_more", cta_path="/legal/privacy", plain=True,
         bcc="archive@northwind.example"),
    dict(kind="sustainability", name="Impact report 2026", slug="impact-report-2026", layout="announce", topic="product",
         tags=["sustainability", "report"], langs=["de", "fr", "sv", "da", "fi"], segs=["active30", "imported"],
         date=(2026, 11, 19, 10), sent=False, from_id=S_HELLO, cta="read_more", cta_path="/impact/2026"),
    dict(kind="spring_preview", name="Spring 2027 collection — sneak peek", slug="spring-2027-preview", layout="promo", topic="product",
         tags=["preview", "spring-2027"], langs=["de", "fr", "it", "es"], segs=["pro"], date=(2026, 11, 20, 13), sent=False,
         from_id=S_HELLO, cta="see_collection", cta_path="/spring-2027", products=prods("NW-PCK-S45", "NW-SHL-STR", "NW-BL-M200"),
         snippet='{{snippets["spring promo banner"]}}'),
    dict(kind="year_review", name="Your 2026 on the trail (year in review)", slug="year-in-review-2026", layout="stats", topic="trail_notes",
         tags=["year-in-review", "personalised"], langs=["de", "fr", "es", "ja", "ko", "zh-Hans"], segs=["active30"],
         date=(2026, 11, 21, 10), sent=False, from_id=S_TN, cta="read_more", cta_path="/account/year-in-review", ab=AB_LAYOUT),
    dict(kind="shipping_cutoff", name="Holiday shipping cut-off dates", slug="shipping-cutoff-2026", layout="announce", topic=None,
         tags=["holiday", "shipping", "service"], langs=["de", "fr", "es", "it", "nl", "pl"], segs=["active30", "purchased90"],
         date=(2026, 11, 22, 9), sent=False, from_id=S_SUPPORT, cta="shop_now", cta_path="/gifts",
         snippet="{{snippets.support_signature}}"),
    dict(kind="winter_camping", name="Masterclass invite — winter camping", slug="winter-camping-masterclass", layout="event", topic="events",
         tags=["event", "webinar", "winter"], langs=["de", "fr", "fi", "sv"], segs=["nordic", "german"], date=(2026, 11, 23, 8),
         sent=False, from_id=S_EVENTS, cta="register", cta_path="/events/winter-camping",
         event=((2026, 12, 10), "19:00–20:00 CET", "Online · YouTube Live")),
]

TN_LANGS = ["de", "fr", "es", "nl", "ja"]
TN_GEAR = ["NW-BT-TRM", "NW-HL-400", "NW-PAD-LFT", "NW-BL-M200", "NW-SHL-STR", "NW-STV-TI", "NW-POL-CRB",
           "NW-BTL-1L", "NW-JKT-AUR", "NW-SB-CIR", "NW-PCK-S45", "NW-TNT-R2", "NW-BTL-1L"]


def trail_notes_plan():
    out = []
    first = datetime.date(2026, 9, 3)
    for i, n in enumerate(range(36, 49)):
        d = first + datetime.timedelta(days=7 * i)
        langs = list(TN_LANGS)
        if n <= 40:
            langs.remove("es")          # the Spanish edition started with #41
        if n == 40:
            langs.remove("ja")          # missing language: ja translator was on holiday
        meta = dict(kind="tn", issue=n, story=i, name=f"Trail Notes #{n}", slug=f"trail-notes-{n}", layout="digest",
                    topic="trail_notes", tags=["trail-notes", "weekly", "editorial"], langs=langs,
                    segs=["imported", "active30"], date=(d.year, d.month, d.day, 15), sent=(n != 48),
                    from_id=S_TN, reply_to=None, cta="read_more", gear=TN_GEAR[i], headers=True)
        if n == 45:
            meta.update(ab=AB_EMOJI, winner="B", emoji="🥾")
        if n == 48:
            meta.update(ab=AB_PERSONAL, date=(2026, 11, 20, 9))
        out.append(meta)
    return out

# ---------------------------------------------------------------------------
# Snippets (no snippet references another snippet)
# ---------------------------------------------------------------------------
FOOTER_L = {
    # name-suffix: (help, stores, sent_to, unsubscribe, prefs, address, extra line)
    "": ("Help center", "Find a store", "This email was sent to {e}.", "Unsubscribe", "Email preferences",
         "Northwind Outdoor Co. · 1200 NW Alder Street · Portland, OR 97209 · USA", "© 2026 Northwind Outdoor Co. All rights reserved."),
    "de": ("Hilfe", "Store finden", "Diese E-Mail wurde an {e} gesendet.", "Abmelden", "E-Mail-Einstellungen",
           "Northwind Outdoor Europe GmbH · Torstraße 118 · 10119 Berlin · Deutschland",
           "Geschäftsführung: Maja Lindqvist, Jonas Berg · Amtsgericht Charlottenburg, HRB 219876 B · Kundenservice: hilfe@northwind.example"),
    "fr": ("Aide", "Trouver un magasin", "Cet e-mail a été envoyé à {e}.", "Se désabonner", "Préférences e-mail",
           "Northwind Outdoor Europe GmbH · Torstraße 118 · 10119 Berlin · Allemagne", "Service client en français : aide@northwind.example"),
    "es": ("Ayuda", "Encontrar una tienda", "Este correo se envió a {e}.", "Darse de baja", "Preferencias de correo",
           "Northwind Outdoor Europe GmbH · Torstraße 118 · 10119 Berlín · Alemania", "Atención al cliente en español: ayuda@northwind.example"),
    "it": ("Assistenza", "Trova un negozio", "Questa email è stata inviata a {e}.", "Annulla iscrizione", "Preferenze email",
           "Northwind Outdoor Europe GmbH · Torstraße 118 · 10119 Berlino · Germania", "Servizio clienti in italiano: assistenza@northwind.example"),
    "nl": ("Klantenservice", "Winkel zoeken", "Deze e-mail is verstuurd naar {e}.", "Afmelden", "E-mailvoorkeuren",
           "Northwind Outdoor Europe GmbH · Torstraße 118 · 10119 Berlijn · Duitsland", "Nederlandstalige klantenservice: hulp@northwind.example"),
    "pt_br": ("Central de ajuda", "Encontre uma loja", "Este e-mail foi enviado para {e}.", "Cancelar inscrição", "Preferências de e-mail",
              "Northwind Outdoor Co. · 1200 NW Alder Street · Portland, OR 97209 · EUA", "Atendimento em português: atendimento@northwind.example"),
    "ja": ("ヘルプセンター", "店舗を探す", "このメールは {e} 宛にお送りしています。", "配信停止", "メール配信設定",
           "Northwind Outdoor Co. · 1200 NW Alder Street · Portland, OR 97209 · USA", "日本語でのお問い合わせ：support-jp@northwind.example"),
    "pl": ("Pomoc", "Znajdź sklep", "Ta wiadomość została wysłana na adres {e}.", "Wypisz się", "Ustawienia e-mail",
           "Northwind Outdoor Europe GmbH · Torstraße 118 · 10119 Berlin · Niemcy", "Obsługa klienta po polsku: pomoc@northwind.example"),
    "sv": ("Hjälp", "Hitta butik", "Det här mejlet skickades till {e}.", "Avsluta prenumerationen", "E-postinställningar",
           "Northwind Outdoor Europe GmbH · Torstraße 118 · 10119 Berlin · Tyskland", "Kundtjänst på svenska: hjalp@northwind.example"),
}


def footer_snippet(suffix):
    help_, stores, sent_to, unsub, prefs, address, extra = FOOTER_L[suffix]
    link = 'style="color:#ffffff;text-decoration:underline;"'
    u = lambda p, c: esc_amp(f"{SITE}{p}?utm_source=customerio&utm_medium=email&utm_content={c}")
    return ('<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr>'
            '<td style="padding:24px 32px;background:#1f3d2b;color:#cfd8d2;' + FONT + 'font-size:12px;line-height:18px;border-radius:0 0 6px 6px;">\n'
            '<p style="margin:0 0 8px;"><a href="' + u("/help", "footer-help") + '" ' + link + '>' + help_ + '</a> · '
            '<a href="' + u("/stores", "footer-stores") + '" ' + link + '>' + stores + '</a></p>\n'
            '<p style="margin:0 0 8px;">' + address + '</p>\n'
            '<p style="margin:0 0 8px;">' + sent_to.replace("{e}", '{{ customer.email | default: "—" }}') + ' '
            '<a href="{% unsubscribe_url %}" ' + link + '>' + unsub + '</a> · '
            '<a href="{% manage_subscription_preferences_url %}" ' + link + '>' + prefs + '</a></p>\n'
            '<p style="margin:0;">' + extra + '</p>\n'
            '</td></tr></table>')


def build_snippets():
    s = {}
    s["header_logo"] = ('<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr>'
                        '<td style="padding:20px 32px;border-bottom:1px solid #e3e0d8;">'
                        '<a href="' + esc_amp(SITE + "/?utm_source=customerio&utm_medium=email&utm_content=logo") + '">'
                        '<img src="' + IMG + '/brand/northwind-logo-2x.png" width="168" height="32" alt="Northwind Outdoor" style="display:block;border:0;"></a>'
                        '</td></tr></table>')
    s["footer"] = footer_snippet("")
    for suf in ["de", "fr", "es", "it", "nl", "pt_br", "ja", "pl", "sv"]:
        s["footer_" + suf] = footer_snippet(suf)
    icons = [("instagram", "Instagram"), ("youtube", "YouTube"), ("strava", "Strava"), ("pinterest", "Pinterest")]
    s["social_links"] = ('<table role="presentation" align="center" cellpadding="0" cellspacing="0" border="0"><tr>' + "".join(
        '<td style="padding:0 8px;"><a href="' + SITE + '/social/' + k + '"><img src="' + IMG + '/icons/' + k +
        '-32.png" width="32" height="32" alt="' + n + '" style="display:block;border:0;"></a></td>' for k, n in icons) + '</tr></table>')
    s["legal_eu"] = ("Prices include VAT. Offers valid while stocks last for orders placed at northwind.example with delivery to the EU, "
                     "Switzerland or Norway. You have a 30-day right of withdrawal; Pro members get free returns for 100 days. "
                     "Northwind Outdoor Europe GmbH, Torstraße 118, 10119 Berlin, Germany.")
    s["legal_us"] = ("Offer valid for orders shipped within the contiguous United States. Excludes gift cards, Pro memberships and previous "
                     "purchases; cannot be combined with other promotions. Northwind Outdoor Co., 1200 NW Alder Street, Portland, OR 97209.")
    s["legal_uk"] = ("Prices include VAT. Offers valid for UK deliveries only, while stocks last. Your statutory rights are not affected. "
                     "Northwind Outdoor UK Ltd, registered in England and Wales.")
    s["app_store_badges"] = ('<table role="presentation" align="center" cellpadding="0" cellspacing="0" border="0"><tr>'
                             '<td style="padding:0 6px;"><a href="' + SITE + '/app/ios"><img src="' + IMG + '/badges/app-store-135x40.png" '
                             'width="135" height="40" alt="Download on the App Store" style="display:block;border:0;"></a></td>'
                             '<td style="padding:0 6px;"><a href="' + SITE + '/app/android"><img src="' + IMG + '/badges/google-play-135x40.png" '
                             'width="135" height="40" alt="Get it on Google Play" style="display:block;border:0;"></a></td></tr></table>')
    s["support_signature"] = ('<p style="margin:16px 32px;' + FONT + 'font-size:14px;line-height:21px;color:#1f2a24;">Happy trails,<br>'
                              'Ellie, Tomás and the Northwind Support team<br>'
                              '<a href="mailto:support@northwind.example" style="color:#2f6b4f;">support@northwind.example</a> · '
                              'Mon–Fri 8:00–18:00 PT / 9:00–18:00 CET</p>')
    hours = [("Portland", ["10–15", "—", "12–18", "10–16", "—"]), ("Seattle", ["10–15", "—", "12–18", "10–16", "—"]),
             ("Berlin", ["10–14", "—", "—", "10–14", "—"]), ("München", ["10–14", "—", "—", "10–14", "—"]),
             ("✉ Support", ["8–14", "—", "10–16", "8–14", "—"])]
    th = "".join('<th style="padding:6px;' + FONT + 'font-size:12px;color:#6b6b6b;">' + d + '</th>' for d in ["", "24.12.", "25.12.", "26.12.", "31.12.", "01.01."])
    trs = "".join('<tr><td style="padding:6px;' + FONT + 'font-size:13px;font-weight:bold;">' + name + '</td>' +
                  "".join('<td align="center" style="padding:6px;' + FONT + 'font-size:13px;">' + h + '</td>' for h in hs) + '</tr>'
                  for name, hs in hours)
    s["holiday_opening_hours"] = ('<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0" '
                                  'style="border-collapse:collapse;border-top:1px solid #e3e0d8;"><tr>' + th + '</tr>' + trs + '</table>')
    s["spring promo banner"] = ('<a href="' + esc_amp(SITE + "/spring-2027?utm_source=customerio&utm_medium=email&utm_content=spring-banner") + '">'
                                '<img src="' + IMG + '/2027/spring/banner-1200x300.jpg" width="600" alt="Spring 2027 — first look for Pro members" '
                                'style="display:block;width:100%;max-width:600px;height:auto;border:0;"></a>')
    s["black friday banner"] = ('<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr>'
                                '<td align="center" style="padding:14px 16px;background:#111111;color:#f5c84c;' + FONT +
                                'font-size:18px;line-height:24px;font-weight:bold;letter-spacing:2px;">BLACK FRIDAY · UP TO 40% OFF · '
                                '<span style="color:#ffffff;">NOV 27–30</span></td></tr></table>')
    s["free_shipping_bar"] = ('<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr>'
                              '<td align="center" style="padding:10px 16px;background:#f5c84c;color:#1f2a24;' + FONT + 'font-size:13px;font-weight:bold;">'
                              '{% if customer.region == "eu" %}Free shipping on orders over 75 €{% else %}Free shipping on orders over $75{% endif %}'
                              '</td></tr></table>')
    s["pro member perks"] = ('<ul style="margin:0 32px 16px;padding-left:20px;' + FONT + 'font-size:15px;line-height:23px;color:#1f2a24;">'
                             '<li>Free repairs on Northwind gear, for life</li><li>100-day free returns</li>'
                             '<li>24-hour early access to every sale</li><li>5 Trail Points per $1 / 1 €</li>'
                             '<li>Double points in your birthday month</li></ul>')
    s["seasonal_greetings"] = json.dumps([
        {"lang": "en", "greeting": "Happy holidays and happy trails!"},
        {"lang": "de", "greeting": "Frohe Feiertage und schöne Touren!"},
        {"lang": "fr", "greeting": "Joyeuses fêtes et belles randonnées !"},
        {"lang": "es", "greeting": "¡Felices fiestas y buenas rutas!"},
        {"lang": "sv", "greeting": "God jul och trevliga turer!"},
    ], ensure_ascii=False)
    s["store_addresses"] = ("Portland — 1200 NW Alder Street · Seattle — 410 Pike Street · "
                            "Berlin — Torstraße 118 · München — Sendlinger Straße 42")
    # timestamps: deterministic spread over Sep–Nov
    out = []
    for i, name in enumerate(sorted(s)):
        out.append({"name": name, "value": s[name], "updated_at": BASE + DAY * (3 + (i * 37) % 75) + HOUR * (9 + i % 8)})
    # the shared footer was edited recently (lifecycle manager scenario)
    for o in out:
        if o["name"] == "footer":
            o["updated_at"] = ts(2026, 11, 23, 16, 42)
    return out


# ---------------------------------------------------------------------------
# People and segments
# ---------------------------------------------------------------------------
NAMES = {
    "en": (["James", "Olivia", "Liam", "Emma", "Noah", "Ava", "Ethan", "Mia", "Lucas", "Harper", "Mason", "Ella", "Logan",
            "Grace", "Jordan", "Riley", "Taylor", "Morgan", "Avery", "Quinn"],
           ["Carter", "Nguyen", "Patel", "Johnson", "Walker", "Reyes", "Brooks", "Foster", "Hayes", "Kim", "Murphy",
            "Bennett", "Coleman", "Price", "Ward", "Sullivan"]),
    "de": (["Anna", "Lukas", "Lea", "Felix", "Marie", "Jonas", "Sophie", "Paul", "Hannah", "Leon", "Emilia", "Ben", "Clara",
            "Finn", "Johanna", "Moritz"],
           ["Schmidt", "Müller", "Weber", "Wagner", "Becker", "Hoffmann", "Schäfer", "Koch", "Richter", "Klein", "Wolf",
            "Neumann", "Schwarz", "Zimmermann", "Krüger", "Hartmann"]),
    "fr": (["Camille", "Louis", "Chloé", "Hugo", "Léa", "Jules", "Manon", "Arthur", "Inès", "Théo", "Zoé", "Nathan"],
           ["Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit", "Durand", "Leroy", "Moreau", "Lefèvre", "Girard"]),
    "es": (["Sofía", "Mateo", "Lucía", "Pablo", "Martina", "Álvaro", "Valeria", "Diego", "Carmen", "Javier"],
           ["García", "Fernández", "López", "Martínez", "Sánchez", "Romero", "Navarro", "Torres", "Ruiz", "Ortega"]),
    "it": (["Giulia", "Marco", "Chiara", "Luca", "Francesca", "Matteo", "Sara", "Davide"],
           ["Rossi", "Russo", "Ferrari", "Esposito", "Bianchi", "Romano", "Colombo", "Ricci"]),
    "nl": (["Daan", "Sanne", "Bram", "Fleur", "Thijs", "Lotte", "Jesse", "Anouk"],
           ["de Vries", "Jansen", "van Dijk", "Bakker", "Visser", "Smit", "Meijer", "de Boer"]),
    "pt-BR": (["Beatriz", "Gabriel", "Larissa", "Rafael", "Mariana", "Thiago", "Camila", "Bruno"],
              ["Silva", "Souza", "Oliveira", "Santos", "Pereira", "Costa", "Almeida", "Carvalho"]),
    "ja": (["Kenji", "Yui", "Haruto", "Sakura", "Ren", "Aoi", "Takumi", "Hina"],
           ["Sato", "Suzuki", "Takahashi", "Tanaka", "Watanabe", "Ito", "Yamamoto", "Nakamura"]),
    "ko": (["Minjun", "Seoyeon", "Jiho", "Haeun", "Dohyun", "Jiwoo"], ["Kim", "Lee", "Park", "Choi", "Jung", "Kang"]),
    "zh-Hans": (["Wei", "Fang", "Jing", "Lei", "Yan", "Hao"], ["Wang", "Li", "Zhang", "Liu", "Chen", "Yang"]),
    "sv": (["Linnea", "Erik", "Astrid", "Oskar", "Elsa", "Axel"], ["Lindqvist", "Andersson", "Johansson", "Nilsson", "Berg", "Lund"]),
    "da": (["Freja", "Mads", "Ida", "Magnus", "Sofie", "Emil"], ["Jensen", "Nielsen", "Hansen", "Pedersen", "Andersen", "Larsen"]),
    "fi": (["Aino", "Eetu", "Helmi", "Onni", "Venla", "Leevi"], ["Virtanen", "Korhonen", "Mäkinen", "Nieminen", "Laine", "Heikkinen"]),
    "pl": (["Zofia", "Jakub", "Maja", "Antoni", "Hanna", "Szymon"], ["Nowak", "Kowalczyk", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski"]),
    "tr": (["Elif", "Emir", "Zeynep", "Yusuf", "Defne", "Mert"], ["Yılmaz", "Kaya", "Demir", "Şahin", "Çelik", "Aydın"]),
}
POOL_MIX = [("en", 300), ("de", 150), ("fr", 90), ("es", 60), ("it", 40), ("nl", 50), ("pt-BR", 40), ("ja", 40),
            ("ko", 20), ("zh-Hans", 20), ("sv", 25), ("da", 20), ("fi", 20), ("pl", 25), ("tr", 10)]
DOMAINS = ["example.com", "example.org", "example.net"]


def ascii_slug(s):
    s = s.replace("ß", "ss").replace("ı", "i").replace("ł", "l").replace("ø", "o").replace("æ", "ae")
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch))
    return re.sub(r"[^a-z0-9]", "", s.lower())


def build_people(rng):
    people = []
    used = set()
    n = 0
    for loc, count in POOL_MIX:
        firsts, lasts = NAMES[loc]
        for _ in range(count):
            first, last = rng.choice(firsts), rng.choice(lasts)
            base = f"{ascii_slug(first)}.{ascii_slug(last)}"
            email = None
            if rng.random() >= 0.06:       # ~6% of people have no email address
                cand, k = base, 1
                dom = rng.choice(DOMAINS)
                while f"{cand}@{dom}" in used:
                    k += 1
                    cand = f"{base}{k}"
                email = f"{cand}@{dom}"
                used.add(email)
            people.append({"id": f"cust-{1101 + n}", "cio_id": "%012x" % rng.getrandbits(48), "email": email,
                           "lang": loc, "first": first, "last": last})
            n += 1
    return people


def member(p):
    m = {"id": p["id"], "cio_id": p["cio_id"]}
    if p["email"]:
        m["email"] = p["email"]
    return m


SEGMENT_DEFS = [
    # key, name, description, type, tags, member filter (langs or None), size, campaigns
    ("active30", "Active in last 30 days", "Opened, clicked or purchased in the last 30 days.", "dynamic", ["engagement"], None, 160, [4, 17]),
    ("german", "German-speaking customers", "language is de (Germany, Austria, Switzerland).", "dynamic", ["locale"], ["de"], 120, [17]),
    ("french", "French-speaking customers", "language is fr.", "dynamic", ["locale"], ["fr"], 90, []),
    ("trial7", "Trial ends in 7 days", "plan = pro_trial and trial_ends_at within the next 7 days.", "dynamic", ["lifecycle", "pro"], None, 23, [9]),
    ("pro", "Northwind Pro members", "plan = pro (paid or lifetime).", "dynamic", ["pro", "loyalty"], None, 140, [9, 21]),
    ("vip_beta", "VIP beta testers", "Hand-picked testers for prototypes. Maintained by the product team (Jonas).", "manual", ["beta", "vip"], None, 38, []),
    ("berlin_leads", "Conference leads Berlin 2026", "Badge scans and sign-ups from the Berlin Outdoor Festival booth, imported 2026-10-06.", "manual", ["events", "leads", "berlin"], ["de", "en", "pl", "nl"], 120, []),
    ("churn", "Churn-risk win-back list", "Exported from the churn model on 2026-09-28; refreshed manually each quarter.", "manual", ["retention"], None, 85, [12]),
    ("imported", "Newsletter subscribers (imported)", "Legacy newsletter list imported from the old ESP in 2025.", "manual", ["import", "newsletter"], None, 0, [4]),
    ("holdout", "Gift guide 2026 holdout", "Control group for the gift-guide uplift test. To be filled before sending.", "manual", None, None, 0, []),
    ("es_pt", "Spanish & Portuguese speakers", "language is es or pt-BR.", "dynamic", ["locale"], ["es", "pt-BR"], 90, []),
    ("apac", "Japan, Korea & China customers", "language is ja, ko or zh-Hans.", "dynamic", ["locale", "apac"], ["ja", "ko", "zh-Hans"], 70, []),
    ("purchased90", "Purchased in last 90 days", "At least one order event in the last 90 days.", "dynamic", ["commerce"], None, 120, [21]),
    ("points1000", "Loyalty points over 1,000", "loyalty_points > 1000.", "dynamic", ["loyalty"], None, 75, []),
    ("ambassadors", "Ambassadors 2026", "Current ambassador cohort (24 people).", "manual", ["community"], None, 24, []),
    ("run_club", "Trail Running Club Portland", "Members of the store run club, from the sign-up sheet.", "manual", ["community", "events", "portland"], ["en", "es"], 48, []),
    ("staff", "Store staff seed list", "Internal seed addresses for proofing sends.", "manual", ["internal", "qa"], None, 9, []),
    ("nordic", "Nordic customers", "language is sv, da or fi.", "dynamic", ["locale"], ["sv", "da", "fi"], 60, []),
    ("unengaged", "Unengaged 180 days", "No opens or clicks for 180 days; used for suppression and re-permission.", "dynamic", None, None, 110, [12]),
    ("new_month", "Signed up this month", "created_at within the current calendar month.", "dynamic", ["lifecycle"], None, 31, [3]),
]


def build_segments(rng, people):
    out = []
    for i, (key, name, desc, typ, tags, langs, size, campaigns) in enumerate(SEGMENT_DEFS):
        sid = SEG[key]
        created = BASE - DAY * (200 - i * 9) + HOUR * (i % 9)
        seg = {"id": sid, "name": name, "description": desc, "type": typ, "state": "finished", "progress": None,
               "tags": tags, "created_at": created, "updated_at": max(created, BASE + DAY * ((i * 11) % 80) + HOUR * 7)}
        if campaigns:
            seg["campaigns"] = campaigns
        if key == "imported":
            seg["generated_members"] = {"count": 25000, "id_prefix": "nl-sub-", "email_domain": "example.com"}
        elif key == "holdout":
            seg["members"] = []
        else:
            pool = [p for p in people if langs is None or p["lang"] in langs]
            if key == "staff":
                pool = [p for p in people if p["email"] and p["lang"] in ("en", "de")]
            picked = rng.sample(pool, min(size, len(pool)))
            picked.sort(key=lambda p: int(p["id"].split("-")[1]))
            seg["members"] = [member(p) for p in picked]
        out.append(seg)
    out.sort(key=lambda s: s["id"])
    return out


# ---------------------------------------------------------------------------
# Sample data for the Liquid preview
# ---------------------------------------------------------------------------
def build_customers():
    def cust(**kw):
        return kw
    sets = [
        ("Anna (de, VIP)", "de", cust(id="cust-1001", email="anna.schmidt@example.com", first_name="Anna", last_name="Schmidt",
                                      plan="pro", city="Berlin", country="DE", region="eu", timezone="Europe/Berlin",
                                      created_at=ts(2019, 4, 12, 9, 30), language="de", loyalty_points=1240,
                                      points_earned_month=310, points_expiring=120, km_logged_2026=642, trails_logged_2026=38,
                                      wishlist=["NW-JKT-AUR", "Cirrus −5°"], vip=True)),
        ("Jordan (Default/en, free plan)", "", cust(id="cust-1002", email="jordan.brooks@example.org", first_name="Jordan",
                                                    last_name="Brooks", plan="free", city="Portland", country="US", region="us",
                                                    timezone="America/Los_Angeles", created_at=ts(2024, 6, 2, 18, 5), language="en",
                                                    loyalty_points=85, points_earned_month=0, points_expiring=0,
                                                    km_logged_2026=57, trails_logged_2026=6, wishlist=[])),
        ("Camille (fr, Pro trial)", "fr", cust(id="cust-1003", email="camille.dubois@example.net", first_name="Camille",
                                               last_name="Dubois", plan="pro_trial", city="Lyon", country="FR", region="eu",
                                               timezone="Europe/Paris", created_at=ts(2026, 10, 30, 12, 0), language="fr",
                                               loyalty_points=420, points_earned_month=420, points_expiring=0,
                                               trial_ends_at=ts(2026, 11, 29), km_logged_2026=120, trails_logged_2026=9)),
        ("Sofía (es, Pro)", "es", cust(id="cust-1004", email="sofia.garcia@example.com", first_name="Sofía", last_name="García",
                                       plan="pro", city="Madrid", country="ES", region="eu", timezone="Europe/Madrid",
                                       created_at=ts(2021, 3, 8, 10, 15), language="es", loyalty_points=3875,
                                       points_earned_month=540, points_expiring=200, km_logged_2026=911, trails_logged_2026=52)),
        ("Kenji (ja)", "ja", cust(id="cust-1005", email="kenji.tanaka@example.org", first_name="Kenji", last_name="Tanaka",
                                  plan="free", city="Tokyo", country="JP", region="apac", timezone="Asia/Tokyo",
                                  created_at=ts(2025, 1, 20, 3, 0), language="ja", loyalty_points=0, km_logged_2026=230,
                                  trails_logged_2026=14)),
        ("No first name (nl)", "nl", cust(id="cust-1006", email="klant.7731@example.net", last_name="de Vries", plan="free",
                                          city="Utrecht", country="NL", region="eu", timezone="Europe/Amsterdam",
                                          created_at=ts(2026, 9, 14, 20, 45), language="nl", loyalty_points=0)),
        ("Beatriz (pt-BR, Pro)", "pt-BR", cust(id="cust-1007", email="beatriz.souza@example.com", first_name="Beatriz",
                                               last_name="Souza", plan="pro", city="Porto Alegre", country="BR", region="latam",
                                               timezone="America/Sao_Paulo", created_at=ts(2022, 11, 1, 14, 0), language="pt-BR",
                                               loyalty_points=15020, points_earned_month=980, points_expiring=0,
                                               km_logged_2026=1204, trails_logged_2026=71)),
        ("Linnea (sv, Pro, no timezone)", "sv", cust(id="cust-1008", email="linnea.lindqvist@example.org", first_name="Linnea",
                                                     last_name="Lindqvist", plan="pro", city="Umeå", country="SE", region="eu",
                                                     created_at=ts(2020, 2, 29, 7, 0), language="sv", loyalty_points=760,
                                                     points_earned_month=45, points_expiring=60)),
    ]
    out = []
    for name, lang, c in sets:
        out.append({
            "name": name, "language": lang, "customer": c,
            "event": {"name": "wishlist_item_restocked", "product_name": "Aurora Down Jacket", "sku": "NW-JKT-AUR",
                      "size": "M", "price": 289, "url": SITE + "/p/aurora-down-jacket"},
            "trigger": {"event_name": "Trail Days Portland 2026", "event_date": "2026-11-21",
                        "venue": "Northwind Basecamp, 1200 NW Alder Street, Portland", "ticket_code": "TD26-" + c["id"][-4:],
                        "days_left": 7},
        })
    # The English set without a language-specific twist is the one the preview starts with.
    for entry in out:
        if entry["language"] == "":
            entry["default"] = True
            break
    return {"sample_sets": out}

# ---------------------------------------------------------------------------
# Bodies
# ---------------------------------------------------------------------------
PERSONAL_PREFIX = {"ja": "{{ customer.first_name }}様、", "ko": "{{ customer.first_name }}님, ",
                   "zh-Hans": "{{ customer.first_name }}，"}


def personal(lang, subject):
    pre = PERSONAL_PREFIX.get(lang, "{{ customer.first_name }}, ")
    return "{% if customer.first_name != blank %}" + pre + "{% endif %}" + subject


DESC_EN = ["Our lightest option, built for long days and fast packing.",
           "The all-rounder: tough fabrics, simple to use, easy to repair.",
           "Made with recycled materials and PFC-free water repellency.",
           "Tested for a full season by our ambassadors in Norway and Oregon.",
           "Extra room and comfort for basecamp trips and families.",
           "Small, light and cheap enough to always have with you."]
DESC_DE = ["Unsere leichteste Variante – für lange Tage und schnelles Packen.",
           "Der Allrounder: robuste Materialien, einfach zu bedienen, leicht zu reparieren.",
           "Aus recycelten Materialien, mit PFC-freier Imprägnierung.",
           "Eine ganze Saison lang von unseren Botschafter:innen in Norwegen und Oregon getestet.",
           "Mehr Platz und Komfort für Basislager-Touren und Familien.",
           "Klein, leicht und günstig genug, um immer dabei zu sein."]
COLOURS_EN = ["Moss", "Slate", "Ember", "Glacier", "Basalt", "Sand"]
COLOURS_DE = ["Moos", "Schiefer", "Glut", "Gletscher", "Basalt", "Sand"]


def catalogue_rows(lang, campaign):
    de = lang == "de"
    rows = []
    for cat_en, cat_de, items in CATALOGUE:
        rows.append('<tr><td class="px" style="padding:24px 32px 8px;"><h2 style="margin:0;' + FONT +
                    'font-size:20px;line-height:26px;color:#1f3d2b;border-bottom:2px solid #1f3d2b;padding-bottom:6px;">' +
                    (cat_de if de else cat_en) + '</h2></td></tr>\n')
        for j, (name, usd, grams) in enumerate(items):
            slug = ascii_slug(name.replace(" ", "-").replace("°", "")) or "item"
            sku = "NW-" + ascii_slug(cat_en)[:3].upper() + "-" + f"{(usd * 7 + grams) % 9000 + 1000}"
            href = utm("/p/" + slug, campaign, "catalogue-" + sku.lower())
            palette = COLOURS_DE if de else COLOURS_EN
            stars, reviews = 4.1 + ((usd * 13 + grams) % 9) / 10, 12 + (usd * 7 + grams * 3) % 480
            rating = (f"{stars:.1f}".replace(".", ",") + f" · {reviews} Bewertungen") if de else f"{stars:.1f} · {reviews} reviews"
            colours = " / ".join(palette[(j + k) % len(palette)] for k in range(1 + (usd + grams) % 3))
            if de:
                list_price = f"{round(usd * 0.95) - 0.05:.2f}"
                pro_price = f"{(round(usd * 0.95) - 0.05) * 0.9:.2f}"
                cur = ' | currency: "de-DE", "EUR"'
                spec = f"Gewicht {grams:,} g".replace(",", ".") + f" · Art.-Nr. {sku}"
                wish, shop, pro_lbl = "♥ Auf deiner Wunschliste", "Ansehen", "Pro-Preis"
                desc = DESC_DE[j % len(DESC_DE)]
            else:
                list_price = f"{usd:.2f}"
                pro_price = f"{usd * 0.9:.2f}"
                cur = " | currency"
                spec = f"Weight {grams:,} g · SKU {sku}"
                wish, shop, pro_lbl = "♥ On your wishlist", "View", "Pro price"
                desc = DESC_EN[j % len(DESC_EN)]
            rows.append(
                '<tr><td class="px" style="padding:8px 32px;border-bottom:1px solid #eeeae2;' + FONT + 'font-size:14px;color:#1f2a24;">'
                '<a href="' + href + '"><img src="' + IMG + '/catalogue/' + slug + '-192x192.jpg" width="72" height="72" alt="' + name +
                '" align="left" style="margin:0 12px 0 0;border:0;"></a>'
                '<b>' + name + '</b> <span style="float:right;font-weight:bold;">{{ ' + list_price + cur + ' }}</span><br>'
                '<span style="color:#6b6b6b;font-size:12px;">' + spec + ' · ' + colours + '</span><br>'
                '<span style="color:#4d5a52;font-size:13px;">' + desc + '</span><br>'
                '<span style="color:#b5862f;font-size:12px;">★ ' + rating + '</span> '
                '{% if customer.plan == "pro" %}<span style="color:#2f6b4f;font-size:12px;">' + pro_lbl + ': {{ ' + pro_price + cur + ' }}</span> · {% endif %}'
                '<a href="' + href + '" style="color:#2f6b4f;font-size:13px;">' + shop + ' →</a></td></tr>\n')
    return rows


def tn_copy(meta, lang):
    i = meta["story"]
    l = "en" if lang == "" else lang
    lead, s2, s3 = STORIES[i], STORIES[(i + 4) % len(STORIES)], STORIES[(i + 8) % len(STORIES)]
    title, teaser = lead[1][l]
    subject = f"Trail Notes #{meta['issue']}: {title}"
    pre = TN_ALSO[l] + s2[1][l][0] + " · " + s3[1][l][0]
    if len(pre) > 110:
        pre = TN_ALSO[l] + s2[1][l][0]
    return (subject, pre, T(lang)["this_week"], teaser), (lead, s2, s3)


def build_variant(meta, lang, mods):
    """Returns (subject, preheader, body, body_plain or None, body_amp or None)."""
    t = T(lang)
    kind, slug, layout = meta["kind"], meta["slug"], meta["layout"]
    stories = None
    if kind == "tn":
        c, stories = tn_copy(meta, lang)
    else:
        c = copy_for(kind, lang)
    subject, pre, headline, intro = c
    if mods.get("subject") == "emoji":
        subject = meta.get("emoji", "✨") + " " + subject
    elif mods.get("subject") == "personal":
        subject = personal(lang, subject)
    greet = t["greet"]
    cta_key = mods.get("cta", meta.get("cta", "shop_now"))
    cta_path = meta.get("cta_path", "/")
    cta_href = utm(cta_path, slug, "cta")
    hero = row_hero(f"{IMG}/2026/{slug}/hero-{mods.get('hero', 'lifestyle')}-1200x640.jpg", utm(cta_path, slug, "hero"), headline)
    button = row_button(t[cta_key], cta_href)
    rows = []
    if layout == "digest":
        lead, s2, s3 = stories
        lead_href = utm("/journal/" + lead[0], slug, "lead")
        rows = [row_hero(f"{IMG}/journal/{lead[0]}-1200x640.jpg", lead_href, lead[1]["en" if lang == "" else lang][0]),
                row_text(headline, greet, [intro]),
                row_button(t["read_more"], lead_href),
                row_story(lang, s2, slug, 2), row_story(lang, s3, slug, 3),
                row_text(t["gear_pick"], None, [], h_tag="h2"),
                row_products(lang, [P[meta["gear"]]], slug, t["shop_now"]),
                row_pro(lang, slug),
                row_snippet("{{snippets.social_links}}")]
        cta_key, cta_href = "read_more", lead_href
    elif layout == "promo":
        rows = [hero, row_text(headline, greet, [intro])]
        if meta.get("snippet"):
            rows.append(row_snippet(meta["snippet"]))
        rows += [row_products(lang, meta["products"], slug, t["shop_now"]), button, row_pro(lang, slug), ROW_LEGAL]
    elif layout == "event":
        when, time_, where = meta["event"]
        date_s = when if isinstance(when, str) else fmt_date(lang, *when)
        rows = [hero, row_text(headline, greet, [intro]),
                row_details(lang, [("date", date_s), ("time", time_), ("location", where)]),
                button, row_text(None, None, [t["questions"]])]
    elif layout == "announce":
        rows = [hero, row_text(headline, greet, [intro]), button]
        if meta.get("snippet"):
            rows.append(row_snippet(meta["snippet"]))
        if mods.get("qr"):
            rows.append('<tr><td align="center" style="padding:0 32px 24px;"><img src="' + IMG +
                        '/app/qr-download-240.png" width="120" height="120" alt="QR code: download the Northwind app" style="display:block;border:0;"></td></tr>\n')
        rows.append(row_pro(lang, slug))
    elif layout == "survey":
        rows = [row_text(headline, greet, [intro]), row_nps(lang, slug), row_text(None, None, [t["questions"]])]
        cta_href = None
    elif layout == "letter":
        ex = extra_for(kind, lang)
        rows = [row_text(headline, greet, [intro])]
        if ex.get("bullets"):
            rows.append(row_bullets(ex["bullets"]))
        paras = list(ex.get("paras", []))
        if ex.get("outro"):
            paras.append(ex["outro"])
        paras.append("— " + ex.get("sign", t["sign"]))
        rows.append(row_text(None, None, paras))
        if meta.get("cta_path"):
            rows.append(button)
        else:
            cta_href = None
    elif layout == "statement":
        rows = [row_text(headline, greet, [intro]), row_points_table(lang), button, row_pro(lang, slug)]
    elif layout == "stats":
        story = row_text(headline, greet, [intro])
        stats = row_stats(lang)
        rows = [hero] + ([stats, story] if mods.get("order") == "stats" else [story, stats]) + [button]
    elif layout == "catalogue":
        rows = [hero, row_text(headline, greet, [intro])] + catalogue_rows(lang, slug) + [button, ROW_LEGAL]
    else:
        raise ValueError(layout)
    body = doc(lang, re.sub(r"\{[{%].*?[}%]\}", "", subject).strip(" ,、，"), rows, meta.get("topic"))

    plain = None
    if meta.get("plain"):
        ex = extra_for(kind, lang)
        parts = [headline, "", greet, "", intro]
        for b in ex.get("bullets", []):
            parts.append("  • " + b)
        for p in ex.get("paras", []):
            parts += ["", p]
        if ex.get("outro"):
            parts += ["", ex["outro"]]
        if cta_href:
            parts += ["", t[cta_key] + ": " + cta_href.replace("&amp;", "&")]
        parts += ["", "--", (t["why_topic"] if meta.get("topic") else t["why_generic"]),
                  t["unsubscribe"] + ": {% unsubscribe_url %}", t["preferences"] + ": {% manage_subscription_preferences_url %}",
                  FOOTER_L.get("pt_br" if lang == "pt-BR" else lang, FOOTER_L[""])[5]]
        plain = "\n".join(parts).replace("&amp;", "&") + "\n"

    amp = None
    if meta.get("amp") and lang == "" and mods is not None and mods.get("_first_group"):
        imgs = "".join(f'<amp-img src="{IMG}/2026/{slug}/slide-{k}-1200x800.jpg" width="600" height="400" layout="responsive" alt=""></amp-img>'
                       for k in range(1, 4))
        amp = ('<!doctype html>\n<html ⚡4email data-css-strict>\n<head>\n<meta charset="utf-8">\n'
               '<script async src="https://cdn.ampproject.org/v0.js"></script>\n'
               '<script async custom-element="amp-carousel" src="https://cdn.ampproject.org/v0/amp-carousel-0.1.js"></script>\n'
               '<style amp4email-boilerplate>body{visibility:hidden}</style>\n'
               '<style amp-custom>body{font-family:Helvetica,Arial,sans-serif;color:#1f2a24;margin:0;padding:16px;} '
               'h1{color:#1f3d2b;font-size:26px;} .btn{display:inline-block;background:#2f6b4f;color:#fff;padding:12px 24px;'
               'border-radius:4px;text-decoration:none;font-weight:bold;}</style>\n</head>\n<body>\n'
               '<amp-carousel width="600" height="400" layout="responsive" type="slides">' + imgs + '</amp-carousel>\n'
               '<h1>' + headline + '</h1>\n<p>' + greet + '</p>\n<p>' + intro + '</p>\n'
               '<p><a class="btn" href="' + cta_href + '">' + t[cta_key] + '</a></p>\n'
               '<p style="font-size:12px;color:#6b6b6b;"><a href="{% unsubscribe_url %}">' + t["unsubscribe"] + '</a> · '
               'Northwind Outdoor Co. · 1200 NW Alder Street · Portland, OR 97209</p>\n</body>\n</html>\n')
    return subject, pre, body, plain, amp

# ---------------------------------------------------------------------------
# Deliberate "matrix situations" for testers (see README.md)
# key = (newsletter key, test group name or None, language)
# ---------------------------------------------------------------------------
UNTRANSLATED = {("bf_early", "A", "it"), ("tn47", None, "nl"), ("privacy", None, "da")}
OUTDATED = {("tn47", None, "fr"), ("fall_last", None, "it"), ("privacy", None, "de"), ("privacy", None, "sv"),
            ("bf_doors", None, "tr")}
MISSING = {("bf_early", "C", "ja"), ("ambassador", "B", "it")}   # plus Trail Notes #40 without ja
REDACTED = ("statement", None, "fr")
LOST_UNSUB = ("bf_doors", None, "es")
BROKEN_BRACE = ("tn48", "A", "de")
LARGE = ("catalogue", None, "")
DND = {"munich"}

STATIC_FOOTER_ES = ('<table role="presentation" width="100%" cellpadding="0" cellspacing="0" border="0"><tr>'
                    '<td style="padding:24px 32px;background:#1f3d2b;color:#cfd8d2;' + FONT + 'font-size:12px;line-height:18px;">'
                    'Northwind Outdoor Europe GmbH · Torstraße 118 · 10119 Berlín · Alemania<br>'
                    'Atención al cliente en español: ayuda@northwind.example</td></tr></table>')


def nl_key(meta):
    return f"tn{meta['issue']}" if meta["kind"] == "tn" else meta["kind"]


def apply_special(key, gname, lang, body):
    notes = []
    if (key, gname, lang) == REDACTED:
        body = body.replace(SITE + "/account/points?", SITE + "/account/points?token=[redacted]&amp;", 1)
        notes.append("redacted")
    if (key, gname, lang) == LOST_UNSUB:
        body = re.sub(r'<tr><td class="px" style="padding:8px 32px 24px;[^\n]*unsubscribe_url[^\n]*</td></tr>\n', "", body)
        body = body.replace("{{snippets.footer_es}}", STATIC_FOOTER_ES)
        notes.append("lost_unsubscribe")
    if (key, gname, lang) == BROKEN_BRACE:
        body = body.replace('{{ customer.first_name | default: "zusammen" }}', "{{customer.first_name}", 1)
        notes.append("broken_brace")
    return body, notes


class Ids:
    def __init__(self, rng):
        self.rng = rng
        self.nl = 112
        self.content = 2001
        self.tg = 701

    def next_nl(self):
        v = self.nl
        self.nl += self.rng.randint(1, 3)
        return v

    def next_content(self):
        v = self.content
        self.content += 1
        return v

    def next_tg(self):
        v = self.tg
        self.tg += 1
        return v


def build_newsletters(rng):
    plan = trail_notes_plan() + PLAN
    plan.sort(key=lambda m: m["date"])
    ids = Ids(rng)
    newsletters = []
    specials = {"untranslated": [], "outdated": [], "missing": [], "redacted": [], "lost_unsubscribe": [],
                "broken_brace": [], "large": [], "dnd": [], "amp": [], "identical_subject_only": []}
    for meta in plan:
        key = nl_key(meta)
        y, mo, d, h = meta["date"]
        anchor = ts(y, mo, d, h)
        sent = meta["sent"]
        if sent:
            sent_at = anchor
            created = sent_at - DAY * rng.randint(5, 9) - HOUR * rng.randint(0, 8)
        else:
            sent_at = None
            created = anchor
        nid = ids.next_nl()
        langs = [""] + list(meta["langs"])
        groups = meta.get("ab") or [(None, None, {})]
        test_groups, contents = [], []
        for gi, (gname, glabel, mods) in enumerate(groups):
            mods = dict(mods)
            mods["_first_group"] = gi == 0
            tg_id = None
            if gname:
                tg_id = ids.next_tg()
                winner = bool(sent and meta.get("winner") == gname)
                test_groups.append({"id": tg_id, "name": gname, "label": glabel, "winner": winner})
            # timestamps for this group's Default
            if sent:
                d_upd = sent_at - HOUR * rng.randint(14, 40) - 60 * rng.randint(0, 59)
            else:
                d_upd = min(created + HOUR * rng.randint(20, 90) + 60 * rng.randint(0, 59), NOW - 2 * HOUR)
            default_fields = None
            for lang in langs:
                if (key, gname, lang) in MISSING:
                    specials["missing"].append({"newsletter": nid, "group": gname, "language": lang})
                    continue
                subject, pre, body, plain, amp = build_variant(meta, lang, mods)
                notes = []
                if (key, gname, lang) in UNTRANSLATED:
                    subject, pre, body = default_fields
                    plain = None
                    notes.append("untranslated")
                body, more = apply_special(key, gname, lang, body)
                notes += more
                if lang == "":
                    default_fields = (subject, pre, body)
                    upd = d_upd
                elif (key, gname, lang) in OUTDATED:
                    upd = max(created + HOUR, d_upd - HOUR * rng.randint(18, 60) - 60 * rng.randint(0, 59))
                    notes.append("outdated")
                elif "untranslated" in notes:
                    upd = d_upd + 60 * rng.randint(3, 40)
                else:
                    upd = d_upd + HOUR * rng.randint(1, 20) + 60 * rng.randint(0, 59)
                    cap = (sent_at - HOUR) if sent else (NOW - 1800)
                    upd = max(d_upd + 600, min(upd, cap))
                cid = ids.next_content()
                name = meta["name"]
                if gname:
                    name += f" — {gname}"
                if lang:
                    name += f" ({lang})"
                from_id = meta.get("de_from", meta["from_id"]) if lang == "de" else meta["from_id"]
                reply_to = meta["reply_to"] if "reply_to" in meta else S_SUPPORT
                c = {"id": cid, "language": lang, "name": name, "subject": subject, "preheader_text": pre, "body": body,
                     "from_id": from_id, "reply_to_id": reply_to, "recipient": "{{customer.email}}",
                     "editor": "dnd" if key in DND else "html", "updated": upd}
                if tg_id is not None:
                    c["test_group_id"] = tg_id
                if plain:
                    c["body_plain"] = plain
                if amp:
                    c["body_amp"] = amp
                    specials["amp"].append(cid)
                if meta.get("bcc"):
                    c["bcc"] = meta["bcc"]
                if meta.get("headers"):
                    c["headers"] = [{"name": "List-Unsubscribe-Post", "value": "List-Unsubscribe=One-Click"},
                                    {"name": "X-Northwind-Campaign", "value": meta["slug"]}]
                if key not in DND and meta["layout"] in ("promo", "digest", "announce", "catalogue"):
                    c["layout"] = "Northwind Base 2026"
                if key in DND:
                    c["body"] = ("<!-- Built with the Customer.io drag-and-drop editor (Design Studio). "
                                 "Edit this message in the Design Studio; API edits are rejected. -->\n" + c["body"])
                    specials["dnd"].append(cid)
                if (key, gname, lang) == LARGE:
                    specials["large"].append(cid)
                for n_ in notes:
                    specials[n_].append({"newsletter": nid, "content": cid, "group": gname, "language": lang})
                contents.append(c)
        n = {"id": nid, "name": meta["name"], "type": "email", "tags": meta["tags"], "created": created,
             "recipient_segment_ids": sorted(SEG[s] for s in meta["segs"]), "contents": contents}
        updated = max(c["updated"] for c in contents)
        if sent:
            n["sent_at"] = sent_at
            updated = max(updated, sent_at + 60 * rng.randint(1, 9))
        n["updated"] = updated
        if meta.get("topic"):
            n["subscription_topic_id"] = TOPICS[meta["topic"]]
        if test_groups:
            n["test_groups"] = test_groups
        newsletters.append(n)
    # Trail Notes #40 lacks ja on purpose (siblings have it)
    for n in newsletters:
        if n["name"] == "Trail Notes #40":
            specials["missing"].append({"newsletter": n["id"], "group": None, "language": "ja"})
    newsletters.sort(key=lambda n: n["id"])
    return newsletters, specials


# ---------------------------------------------------------------------------
# Deliveries of the sent newsletters and their archived (rendered) copies
# ---------------------------------------------------------------------------
TOPIC_NAMES = {1: "Trail Notes", 2: "Offers & sales", 3: "Events & workshops", 4: "Product news"}
TRACKING = "https://e.customeriomail.example"
EU_LANGS = {"de", "fr", "es", "it", "nl", "pl", "sv", "da", "fi"}
APAC_LANGS = {"ja", "ko", "zh-Hans"}
# Grouping separator per format_number locale (what Intl.NumberFormat prints); es and pl only group
# from five digits on (CLDR minimumGroupingDigits 2).
GROUPING = {None: ",", "en": ",", "ja": ",", "ko": ",", "zh-Hans": ",", "de": ".", "it": ".", "nl": ".",
            "pt-BR": ".", "da": ".", "tr": ".", "es": ".", "pl": "\u00a0", "fr": "\u202f", "sv": "\u00a0",
            "fi": "\u00a0"}
# (weight, final state) of a delivery; the metrics on the way there are implied.
DELIVERY_STATES = [(24, "delivered"), (28, "opened"), (18, "clicked"), (5, "converted"), (6, "bounced"),
                   (4, "unsubscribed"), (2, "spammed"), (3, "dropped"), (2, "undeliverable")]
FAILURES = {
    "bounced": ["550 5.1.1 <{email}>: Recipient address rejected: User unknown in virtual mailbox table",
                "552 5.2.2 <{email}>: Mailbox full",
                "550 5.7.1 Message rejected by the recipient's mail server policy"],
    "dropped": ["Not sent: {email} bounced before and is on the suppression list."],
    "undeliverable": ["The recipient's mail server did not accept a connection after 72 hours of retries."],
}


def format_number(value, locale=None):
    n = int(round(float(value)))
    digits = str(abs(n))
    sep = GROUPING.get(locale, ",")
    if locale in ("es", "pl") and len(digits) <= 4:
        return ("-" if n < 0 else "") + digits
    groups = []
    while len(digits) > 3:
        groups.insert(0, digits[-3:])
        digits = digits[:-3]
    groups.insert(0, digits)
    return ("-" if n < 0 else "") + sep.join(groups)


def format_currency(value, locale=None, code=None):
    amount = float(value)
    if locale == "de-DE" or code == "EUR":
        whole, cents = f"{amount:.2f}".split(".")
        return f"{format_number(whole, 'de')},{cents}\u00a0€"
    return f"${format_number(int(amount), 'en')}.{f'{amount:.2f}'.split('.')[1]}"


LIQUID_OUTPUT = re.compile(r"\{\{-?\s*(.*?)\s*-?\}\}", re.S)
LIQUID_TAG = re.compile(r"\{%-?\s*(.*?)\s*-?%\}", re.S)
LIQUID_STRING = re.compile(r'^"([^"]*)"$|^\'([^\']*)\'$')


def liquid_value(expr, ctx):
    """A literal or a dotted path into ctx; None when unknown."""
    expr = expr.strip()
    m = LIQUID_STRING.match(expr)
    if m:
        return m.group(1) if m.group(1) is not None else m.group(2)
    if re.fullmatch(r"-?\d+(\.\d+)?", expr):
        return float(expr) if "." in expr else int(expr)
    if expr in ("blank", "nil", "empty"):
        return None
    if expr in ("true", "false"):
        return expr == "true"
    value = ctx
    for part in expr.split("."):
        value = value.get(part) if isinstance(value, dict) else None
    return value


def liquid_condition(cond, ctx):
    m = re.fullmatch(r"(.+?)\s*(==|!=|>=|<=|>|<)\s*(.+)", cond.strip())
    if not m:
        return liquid_value(cond, ctx) not in (None, False, "")
    left, op, right = liquid_value(m.group(1), ctx), m.group(2), m.group(3).strip()
    if right in ("blank", "empty", "nil"):
        is_blank = left in (None, "", [], {})
        return is_blank if op == "==" else not is_blank
    right = liquid_value(right, ctx)
    try:
        return {"==": left == right, "!=": left != right, ">": left > right, "<": left < right,
                ">=": left >= right, "<=": left <= right}[op]
    except TypeError:  # e.g. None > 5: Liquid treats that as false
        return False


def liquid_output(expr, ctx):
    parts = [p.strip() for p in re.split(r"\|(?=(?:[^\"]*\"[^\"]*\")*[^\"]*$)", expr)]
    value = liquid_value(parts[0], ctx)
    for f in parts[1:]:
        name, _, args = f.partition(":")
        args = [liquid_value(a, ctx) for a in args.split(",")] if args.strip() else []
        name = name.strip()
        if name == "default":
            value = args[0] if value in (None, "", False) else value
        elif name == "format_number":
            value = format_number(value or 0, args[0] if args else None)
        elif name == "currency":
            value = format_currency(value or 0, *(args + [None, None])[:2])
        elif name == "capitalize":
            value = str(value or "").capitalize()
        elif name == "upcase":
            value = str(value or "").upper()
        elif name == "downcase":
            value = str(value or "").lower()
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value)


def render_liquid(text, ctx, snippets, urls, topic):
    """Renders the Liquid subset the demo uses, the way Customer.io would for one recipient:
    snippets, if/else on customer data, outputs with default/format_number/currency/capitalize,
    and Customer.io's URL tags. Anything else in {% %} is dropped."""
    for _ in range(3):  # snippets may hold Liquid, but never other snippets
        text = re.sub(r"\{\{-?\s*snippets\s*(?:\.\s*([A-Za-z0-9_]+)|\[\s*[\"']([^\"']+)[\"']\s*\])\s*-?\}\}",
                      lambda m: snippets.get(m.group(1) or m.group(2), ""), text)
    out, pos = [], 0
    stack = []  # per open if: [this branch renders, a branch was taken]
    rendering = lambda: all(frame[0] for frame in stack)
    for tag in LIQUID_TAG.finditer(text):
        if rendering():
            out.append(LIQUID_OUTPUT.sub(lambda m: liquid_output(m.group(1), ctx), text[pos:tag.start()]))
        pos = tag.end()
        words = tag.group(1).split(None, 1)
        name, rest = (words[0], words[1] if len(words) > 1 else "") if words else ("", "")
        if name in ("if", "unless"):
            ok = liquid_condition(rest, ctx) if rendering() else False
            ok = ok if name == "if" else not ok
            stack.append([ok, ok])
        elif name == "elsif" and stack:
            ok = not stack[-1][1] and liquid_condition(rest, ctx)
            stack[-1] = [ok, stack[-1][1] or ok]
        elif name == "else" and stack:
            stack[-1] = [not stack[-1][1], True]
        elif name in ("endif", "endunless") and stack:
            stack.pop()
        elif rendering():
            if name in urls:
                out.append(urls[name])
            elif name == "subscription_topic_name":
                out.append(topic)
            # any other tag (comments, assigns the demo does not use) renders as nothing
    if rendering():
        out.append(LIQUID_OUTPUT.sub(lambda m: liquid_output(m.group(1), ctx), text[pos:]))
    return "".join(out)


def delivery_id(newsletter_id, n):
    """Shaped like Customer.io's delivery ids: URL-safe base64 of 26 bytes, '=' padded."""
    digest = hashlib.sha256(f"northwind-delivery:{newsletter_id}:{n}".encode()).digest()
    return base64.urlsafe_b64encode(digest[:26]).decode()


def tracking_token(did, kind):
    digest = hashlib.sha256(f"{kind}:{did}".encode()).digest()
    return base64.urlsafe_b64encode(digest[:24]).decode().rstrip("=")


def recipient_people(people, segments, samples):
    """Everyone a newsletter can reach, by id: the sample customers as they are, and segment members
    with plausible attributes for the Liquid the bodies use."""
    by_id = {}
    for s in samples["sample_sets"]:
        c = dict(s["customer"])
        c["cio_id"] = "%012x" % (int(hashlib.sha1(c["id"].encode()).hexdigest(), 16) >> 112)
        by_id[c["id"]] = {"customer": c, "event": s["event"], "trigger": s["trigger"], "lang": s["language"]}
    pro = {m["id"] for s in segments if s["id"] == SEG["pro"] for m in s["members"]}
    for p in people:
        if p["id"] in by_id or not p["email"]:
            continue
        prng = random.Random(f"{SEED}:{p['id']}")
        is_pro = p["id"] in pro
        region = "eu" if p["lang"] in EU_LANGS else "apac" if p["lang"] in APAC_LANGS else \
            "latam" if p["lang"] == "pt-BR" else "us"
        c = {"id": p["id"], "email": p["email"], "cio_id": p["cio_id"], "first_name": p["first"],
             "last_name": p["last"], "language": p["lang"], "plan": "pro" if is_pro else "free", "region": region,
             "loyalty_points": prng.randint(300, 4800) if is_pro else prng.choice([0, 0, 15, 40, 85, 120, 260]),
             "points_earned_month": prng.randint(0, 600) if is_pro else 0,
             "points_expiring": prng.choice([0, 0, 40, 120]) if is_pro else 0}
        by_id[p["id"]] = {"customer": c, "event": {}, "trigger": {}, "lang": "" if p["lang"] == "en" else p["lang"]}
    return by_id


def imported_subscriber(number):
    """A member of the generated 25,000 (segment 12): no name on file. Same ids as the sandbox serves."""
    pid = f"nl-sub-{number}"
    cio_id = "%x" % (0xa0000000 + SEG["imported"] * 0x100000 + number)
    return {"customer": {"id": pid, "email": f"{pid}@example.com", "cio_id": cio_id}, "event": {}, "trigger": {},
            "lang": ""}


def delivery_metrics(rng, state, created):
    """Timestamps for each metric reached on the way to `state`, none after NOW."""
    t = created + rng.randint(4, 90)
    m = {}
    if state in ("dropped",):
        m["dropped"] = t
        return m
    m["sent"] = t
    if state == "undeliverable":
        m["undeliverable"] = t + 72 * HOUR
        return {k: v for k, v in m.items() if v <= NOW}
    if state == "bounced":
        m["bounced"] = t + rng.randint(2, 40)
        return m
    t += rng.randint(1, 45)
    m["delivered"] = t
    if state == "spammed":
        m["spammed"] = t + rng.randint(HOUR, 2 * DAY)
    if state in ("opened", "clicked", "converted", "unsubscribed"):
        t += rng.randint(5 * 60, 2 * DAY)
        m["opened"] = t
        if rng.random() < 0.15:  # a mail-privacy proxy fetched it: a machine open, no human one
            m["prefetch_opened"] = 1
        else:
            m["human_opened"] = rng.randint(1, 3)
    if state in ("clicked", "converted"):
        t += rng.randint(20, 40 * 60)
        m["clicked"] = t
        m["human_clicked"] = 1
    if state == "converted":
        m["converted"] = t + rng.randint(10 * 60, 2 * DAY)
    if state == "unsubscribed":
        m["unsubscribed"] = t + rng.randint(30, 15 * 60)
    return {k: v for k, v in m.items() if k.startswith(("human_", "prefetch_")) or v <= NOW}


def pick_variant(n, person_lang, group_id):
    arm = [c for c in n["contents"] if group_id is None or c.get("test_group_id") == group_id]
    for c in arm:
        if c["language"] == person_lang:
            return c
    return next(c for c in arm if c["language"] == "")


def build_deliveries(rng, newsletters, samples, people, segments, snippets, senders):
    audience = recipient_people(people, segments, samples)
    members = {s["id"]: [m["id"] for m in s.get("members", []) if m["id"] in audience] for s in segments}
    snip = {s["name"]: s["value"] for s in snippets}
    address = {s["id"]: s["address"] for s in senders}
    sample_ids = [s["customer"]["id"] for s in samples["sample_sets"]]
    weights = [w for w, _ in DELIVERY_STATES]
    states = [s for _, s in DELIVERY_STATES]
    out = []
    forgotten_done = False
    for n in newsletters:
        if "sent_at" not in n:
            continue
        count = rng.randint(6, 12)
        pool = sorted({pid for sid in n["recipient_segment_ids"] for pid in members.get(sid, [])})
        langs = {c["language"] for c in n["contents"]}
        # Sample customers first (the preview's personas), preferring those a variant speaks to.
        samples_in = [pid for pid in sample_ids if pid in pool] or \
                     [pid for pid in sample_ids if audience[pid]["lang"] in langs]
        chosen = rng.sample(samples_in, min(len(samples_in), rng.randint(1, 3)))
        # Then one reader per translated variant, so the list spreads over the languages.
        for lang in sorted(langs - {""}):
            speakers = [pid for pid in pool if audience[pid]["lang"] == lang and pid not in chosen]
            if speakers and len(chosen) < count - 1:
                chosen.append(rng.choice(speakers))
        rest = [pid for pid in pool if pid not in chosen]
        chosen += rng.sample(rest, min(len(rest), count - len(chosen)))
        recipients = [audience[pid] for pid in chosen]
        if SEG["imported"] in n["recipient_segment_ids"]:
            recipients[-1] = imported_subscriber(rng.randint(1, 25000))
        groups = [g["id"] for g in n.get("test_groups") or []]
        topic = TOPIC_NAMES.get(n.get("subscription_topic_id"), "")
        for i, who in enumerate(recipients):
            c = who["customer"]
            variant = pick_variant(n, who["lang"], rng.choice(groups) if groups else None)
            did = delivery_id(n["id"], i)
            urls = {"view_in_browser_url": f"{TRACKING}/deliveries/{tracking_token(did, 'view')}",
                    "unsubscribe_url": f"{TRACKING}/unsubscribe/{tracking_token(did, 'unsubscribe')}",
                    "manage_subscription_preferences_url":
                        f"{TRACKING}/preferences/{tracking_token(did, 'preferences')}"}
            ctx = {"customer": c, "event": who["event"], "trigger": who["trigger"]}
            render = lambda text: render_liquid(text, ctx, snip, urls, topic)
            created = n["sent_at"] + rng.randint(0, 15 * 60)
            state = rng.choices(states, weights)[0]
            subject = render(variant["subject"])
            d = {"id": did, "newsletter_id": n["id"], "content_id": variant["id"], "type": "email",
                 "created": created, "recipient": c["email"], "subject": subject,
                 "customer_identifiers": {"id": c["id"], "email": c["email"], "cio_id": c["cio_id"]},
                 "metrics": delivery_metrics(rng, state, created), "forgotten": False}
            if state in FAILURES:
                d["failure_message"] = rng.choice(FAILURES[state]).format(email=c["email"])
            archived = {"subject": subject, "preheader_text": render(variant["preheader_text"]),
                        "body": render(variant["body"]), "from": address[variant["from_id"]],
                        "recipient": c["email"], "headers": variant.get("headers", []), "fake_bcc": False}
            if variant["reply_to_id"] is not None:
                archived["reply_to"] = address[variant["reply_to_id"]]
            if variant.get("bcc"):
                archived["bcc"] = variant["bcc"]
            # One delivery whose content was not retained (a workspace with message retention off
            # for that person), so the archive preview has that case too.
            if not forgotten_done and n.get("subscription_topic_id") is None and i == len(recipients) - 1:
                d["forgotten"] = True
                archived = {k: v for k, v in archived.items() if k in ("from", "recipient", "reply_to", "fake_bcc")}
                forgotten_done = True
            d["archived_message"] = archived
            out.append(d)
    out.sort(key=lambda d: (d["newsletter_id"], d["created"], d["id"]))
    return out


# ---------------------------------------------------------------------------
# Output + validation
# ---------------------------------------------------------------------------
FILES = ["newsletters.json", "snippets.json", "segments.json", "senders.json", "workspace.json", "customers.json",
         "deliveries.json"]


def write_json(name, data):
    path = os.path.join(HERE, name)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        json.dump(data, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")


def add_email_only_people(segments):
    """After every 8th explicit member of a segment, one person known by email only (no id)."""
    for seg in segments:
        members = seg.get("members", [])
        if not members:
            continue
        out = []
        for i, m in enumerate(members, 1):
            out.append(m)
            if i % 8 == 0:
                email = "signup-%d-%d@example.net" % (seg["id"], i // 8)
                cio_id = "%012x" % (int(hashlib.sha1(email.encode()).hexdigest(), 16) >> 112)
                out.append({"cio_id": cio_id, "email": email})
        seg["members"] = out


def generate():
    rng = random.Random(SEED)
    people_rng = random.Random(SEED + 1)
    newsletters, specials = build_newsletters(rng)
    people = build_people(people_rng)
    segments = build_segments(random.Random(SEED + 2), people)
    # make the sample customers members of the segments they plausibly belong to
    samples = build_customers()
    by_id = {s["id"]: s for s in segments}
    for ss, segs in [(0, ["german", "vip_beta", "pro", "points1000", "active30"]), (1, ["active30", "run_club"]),
                     (2, ["french", "trial7", "new_month"]), (3, ["es_pt", "pro", "points1000"]), (4, ["apac"]),
                     (5, ["unengaged"]), (6, ["es_pt", "pro", "points1000", "purchased90"]), (7, ["nordic", "pro"])]:
        c = samples["sample_sets"][ss]["customer"]
        for s in segs:
            seg = by_id[SEG[s]]
            if all(m["id"] != c["id"] for m in seg["members"]):
                seg["members"].insert(0, {"id": c["id"], "cio_id": "%012x" % (int(hashlib.sha1(c["id"].encode()).hexdigest(), 16) >> 112),
                                          "email": c["email"]})
    # keep the sample people's cio_id consistent across segments
    snippets = build_snippets()
    senders = [{"id": i, "name": n, "email": e, "address": f"{n} <{e}>", "template_type": "email",
                "auto_generated": a, "hidden": h} for i, n, e, a, h in SENDERS]
    used_langs = sorted({c["language"] for n in newsletters for c in n["contents"] if c["language"]},
                        key=lambda l: ALL_LANGS.index(l))
    workspace = {"ip_addresses": ["35.188.196.183", "104.198.177.219", "104.154.232.87", "130.211.229.195", "104.198.221.24"],
                 "languages": used_langs}
    write_json("newsletters.json", {"newsletters": newsletters})
    write_json("snippets.json", {"snippets": snippets})
    write_json("senders.json", {"sender_identities": senders})
    write_json("workspace.json", workspace)
    write_json("customers.json", samples)
    # Its own random stream, so the files above stay the same whatever this adds.
    deliveries = build_deliveries(random.Random(SEED + 3), newsletters, samples, people, segments, snippets, senders)
    write_json("deliveries.json", {"deliveries": deliveries})
    # Email identifies people in this workspace, so some are known by their address only (sign-up forms,
    # store Wi-Fi): no id, as Customer.io has them. Added last and without randomness, so nothing above moves.
    add_email_only_people(segments)
    write_json("segments.json", {"segments": segments})
    return specials


LIQUID_SNIPPET_REF = re.compile(r"snippets\s*(?:\.\s*([A-Za-z0-9_]+)|\[\s*[\"']([^\"']+)[\"']\s*\])")


def validate(specials=None):
    load = lambda n: json.load(open(os.path.join(HERE, n), encoding="utf-8"))
    nls = load("newsletters.json")["newsletters"]
    sn = load("snippets.json")["snippets"]
    segs = load("segments.json")["segments"]
    snd = load("senders.json")["sender_identities"]
    ws = load("workspace.json")
    cu = load("customers.json")["sample_sets"]
    errors, warnings = [], []
    E = errors.append
    seg_ids = {s["id"] for s in segs}
    snd_ids = {s["id"] for s in snd}
    snip_names = {s["name"] for s in sn}
    ws_langs = set(ws["languages"])
    if len(seg_ids) != len(segs):
        E("duplicate segment ids")
    if len(snd_ids) != len(snd):
        E("duplicate sender ids")
    if len(snip_names) != len(sn):
        E("duplicate snippet names")
    nl_ids, cids, tgids, used_langs = set(), set(), set(), set()
    for n in nls:
        if n["id"] in nl_ids:
            E(f"duplicate newsletter id {n['id']}")
        nl_ids.add(n["id"])
        if n["type"] != "email":
            E(f"{n['id']}: type")
        if "sent_at" in n and n["sent_at"] is None:
            E(f"{n['id']}: sent_at null")
        for s in n["recipient_segment_ids"]:
            if s not in seg_ids:
                E(f"{n['id']}: unknown segment {s}")
        tgs = n.get("test_groups") or []
        tg_map = {}
        for tg in tgs:
            if tg["id"] in tgids:
                E(f"duplicate test group id {tg['id']}")
            tgids.add(tg["id"])
            tg_map[tg["id"]] = set()
        if sum(1 for tg in tgs if tg["winner"]) > 1:
            E(f"{n['id']}: several winners")
        if any(tg["winner"] for tg in tgs) and "sent_at" not in n:
            E(f"{n['id']}: winner on a draft")
        langs = set()
        for c in n["contents"]:
            if c["id"] in cids:
                E(f"duplicate content id {c['id']}")
            cids.add(c["id"])
            if c["from_id"] not in snd_ids:
                E(f"{c['id']}: from_id")
            if c["reply_to_id"] is not None and c["reply_to_id"] not in snd_ids:
                E(f"{c['id']}: reply_to_id")
            if c["editor"] not in ("html", "dnd"):
                E(f"{c['id']}: editor")
            if c["recipient"] != "{{customer.email}}":
                E(f"{c['id']}: recipient")
            if c["language"] and c["language"] not in ws_langs:
                E(f"{c['id']}: language {c['language']} not in workspace.json")
            used_langs.add(c["language"])
            if tgs:
                if c.get("test_group_id") not in tg_map:
                    E(f"{c['id']}: bad/missing test_group_id")
                else:
                    tg_map[c["test_group_id"]].add(c["language"])
            elif "test_group_id" in c:
                E(f"{c['id']}: test_group_id without test groups")
            else:
                if c["language"] in langs:
                    E(f"{n['id']}: duplicate language {c['language']!r}")
                langs.add(c["language"])
            for ref in LIQUID_SNIPPET_REF.finditer(c["body"] + c["subject"] + c["preheader_text"]):
                name = ref.group(1) or ref.group(2)
                if name not in snip_names:
                    E(f"{c['id']}: unknown snippet {name!r}")
            if c["updated"] < n["created"]:
                E(f"{c['id']}: updated before newsletter created")
            if "sent_at" in n and c["updated"] > n["sent_at"]:
                E(f"{c['id']}: updated after send")
            if c["updated"] > NOW:
                E(f"{c['id']}: updated in the future")
            pl = len(c["preheader_text"])
            if not (40 <= pl <= 110) and c["language"] not in ("ja", "ko", "zh-Hans"):
                warnings.append(f"{c['id']} ({c['language'] or 'default'}): preheader length {pl}")
            if c["language"] in ("ja", "ko", "zh-Hans") and not (25 <= pl <= 110):
                warnings.append(f"{c['id']} ({c['language']}): preheader length {pl}")
        if tgs:
            for tg_id, ls in tg_map.items():
                if "" not in ls:
                    E(f"{n['id']}: test group {tg_id} has no Default variant")
        elif "" not in langs:
            E(f"{n['id']}: no Default variant")
        nl_langs = {c["language"] for c in n["contents"]}
        if not (2 <= len(nl_langs) <= 12):
            E(f"{n['id']}: {len(nl_langs)} languages")
    if used_langs - {""} != ws_langs:
        E(f"workspace languages {sorted(ws_langs)} != used {sorted(used_langs - {''})}")
    for s in sn:
        if LIQUID_SNIPPET_REF.search(s["value"]) or "{{snippets" in s["value"]:
            E(f"snippet {s['name']!r} references another snippet")
        if len(s["name"]) > 150 or s["name"] != s["name"].strip():
            E(f"snippet name {s['name']!r}")
        if len(s["value"]) > 16000:
            E(f"snippet {s['name']!r} longer than 16000")
    cio_ok = re.compile(r"^[0-9a-f]{12}$")
    for s in segs:
        if s["type"] not in ("manual", "dynamic") or s["state"] != "finished" or s["progress"] is not None:
            E(f"segment {s['id']}: type/state/progress")
        seen = set()
        for m in s.get("members", []):
            if not cio_ok.match(m["cio_id"]):
                E(f"segment {s['id']}: cio_id {m['cio_id']}")
            if "id" not in m and "email" not in m:
                E(f"segment {s['id']}: member {m['cio_id']} has neither id nor email")
            key = m.get("id") or m["email"]
            if key in seen:
                E(f"segment {s['id']}: duplicate member {key}")
            seen.add(key)
            if "email" in m and not re.search(r"@example\.(com|org|net)$", m["email"]):
                E(f"segment {s['id']}: email domain {m['email']}")
        for c in s.get("campaigns", []):
            if not isinstance(c, int):
                E(f"segment {s['id']}: campaign id")
    for s in snd:
        if s["address"] != f"{s['name']} <{s['email']}>":
            E(f"sender {s['id']}: address")
    for c in cu:
        if c["language"] and c["language"] not in ws_langs:
            E(f"sample set {c['name']}: language")
    # cio_ids must be consistent per person id across segments
    cio_by_id = {}
    for s in segs:
        for m in s.get("members", []):
            person = m.get("id") or m["email"]
            if cio_by_id.setdefault(person, m["cio_id"]) != m["cio_id"]:
                E(f"person {person} has two cio_ids")
    if os.path.exists(os.path.join(HERE, "deliveries.json")):
        errors += delivery_errors(load("deliveries.json")["deliveries"], nls, cu)
    # QA-style findings; each must be one of the deliberate special cases
    findings = qa_findings(nls)
    return errors, warnings, dict(nls=nls, sn=sn, segs=segs, snd=snd, ws=ws, cu=cu, findings=findings)


def delivery_errors(deliveries, nls, samples):
    """Deliveries belong to sent newsletters, happen between the send and NOW, and their archived
    copies look sent: no Liquid left, and the sample customers' first names where the variant greets."""
    out = []
    by_nl = {n["id"]: n for n in nls}
    first_names = {s["customer"]["id"]: s["customer"].get("first_name") for s in samples}
    seen = set()
    for d in deliveries:
        where = f"delivery {d['id']}"
        if d["id"] in seen:
            out.append(f"{where}: duplicate id")
        seen.add(d["id"])
        n = by_nl.get(d["newsletter_id"])
        if not n or "sent_at" not in n:
            out.append(f"{where}: newsletter {d['newsletter_id']} is not a sent newsletter")
            continue
        variant = next((c for c in n["contents"] if c["id"] == d["content_id"]), None)
        if not variant:
            out.append(f"{where}: content {d['content_id']} is not a variant of {n['id']}")
            continue
        stamps = [v for k, v in d["metrics"].items() if not k.startswith(("human_", "prefetch_"))]
        if not (n["sent_at"] <= d["created"] <= min(stamps + [NOW]) and max(stamps + [0]) <= NOW):
            out.append(f"{where}: timestamps outside {n['sent_at']}..{NOW}")
        who = d["customer_identifiers"]
        if set(who) != {"id", "email", "cio_id"} or who["email"] != d["recipient"]:
            out.append(f"{where}: customer_identifiers")
        archived = d["archived_message"]
        text = "".join(str(v) for v in archived.values()) + d["subject"]
        if re.search(r"\{\{|\}\}|\{%|%\}", text):
            out.append(f"{where}: Liquid left in the archived copy")
        if d["forgotten"]:
            continue
        name = first_names.get(who["id"])
        if name and "customer.first_name" in variant["body"] and name not in archived["body"]:
            out.append(f"{where}: {name} is not greeted by name")
    return out


def qa_findings(nls):
    """Cheap structural checks (a stand-in for the app's QA panel): {content id: [problems]}."""
    out = {}
    for n in nls:
        for c in n["contents"]:
            b = c["body"]
            probs = []
            if "[[" in b or "]]" in b:
                probs.append("template placeholder left")
            if b.count("{{") != b.count("}}"):
                probs.append("unbalanced {{ }}")
            if len(re.findall(r"\{%-?\s*if\b", b)) != len(re.findall(r"\{%-?\s*endif\b", b)):
                probs.append("unbalanced if/endif")
            for tag in ("table", "tr", "td", "p", "a", "ul", "li", "h1", "h2"):
                if len(re.findall(r"<" + tag + r"[\s>]", b)) != len(re.findall(r"</" + tag + ">", b)):
                    probs.append(f"unbalanced <{tag}>")
            if "{% unsubscribe_url %}" not in b:
                probs.append("no unsubscribe link")
            if "[redacted]" in b:
                probs.append("[redacted] in URL")
            if probs:
                out[c["id"]] = probs
    return out


def report(specials, errors, warnings, d):
    nls = d["nls"]
    sent = sum(1 for n in nls if "sent_at" in n)
    ab = sum(1 for n in nls if n.get("test_groups"))
    variants = sum(len(n["contents"]) for n in nls)
    print(f"newsletters: {len(nls)} (sent {sent}, drafts {len(nls) - sent}, A/B {ab}), variants: {variants}")
    print(f"languages: {len(d['ws']['languages'])} + Default: {', '.join(d['ws']['languages'])}")
    print(f"snippets: {len(d['sn'])}, segments: {len(d['segs'])}, senders: {len(d['snd'])}, sample sets: {len(d['cu'])}")
    if os.path.exists(os.path.join(HERE, "deliveries.json")):
        dl = json.load(open(os.path.join(HERE, "deliveries.json"), encoding="utf-8"))["deliveries"]
        print(f"deliveries: {len(dl)} to {len({x['customer_identifiers']['id'] for x in dl})} people "
              f"from {len({x['newsletter_id'] for x in dl})} sent newsletters")
    total = 0
    for f in FILES:
        sz = os.path.getsize(os.path.join(HERE, f))
        total += sz
        print(f"  {f:18s} {sz:>9,d} bytes")
    print(f"  {'total':18s} {total:>9,d} bytes")
    if specials:
        print("special cases:")
        for k, v in specials.items():
            if v:
                print(f"  {k}: {v}")
    print("QA findings (all deliberate):" if d["findings"] else "QA findings: none")
    for cid, probs in sorted(d["findings"].items()):
        print(f"  content {cid}: {', '.join(probs)}")
    if specials:
        expected = {x["content"] for k in ("redacted", "lost_unsubscribe", "broken_brace") for x in specials[k]}
        if set(d["findings"]) != expected:
            errors.append(f"unexpected QA findings: {sorted(set(d['findings']) ^ expected)}")
    for w in warnings:
        print("warning:", w)
    for e in errors:
        print("ERROR:", e)
    print("OK" if not errors else f"{len(errors)} error(s)")


def main():
    specials = None
    if "--check" not in sys.argv:
        specials = generate()
    errors, warnings, d = validate()
    report(specials, errors, warnings, d)
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
