// The sample-data dialog, driven like a user would: typing a set, reading the problem line, saving, and
// never losing an edit when switching sets or closing. And its editor (the body editor too) following a
// dark palette.
#include "models/common/theme.h"
#include "models/store/localstore.h"
#include "tests/common/testhome.h"
#include "ui/common/codeeditor.h"
#include "ui/common/messagebox.h"
#include "ui/common/messagewidget.h"
#include "ui/preview/sampledatadialog.h"

#include <Qsci/qscilexer.h>
#include <Qsci/qscilexerjson.h>

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QScopeGuard>
#include <QTest>
#include <QVBoxLayout>

using cio::models::LocalStore;
using cio::models::SampleSet;
using cio::ui::CodeEditor;
using cio::ui::MessageBox;
using cio::ui::SampleDataDialog;

namespace {

QString tempPath(const QString &name)
{
    return cio::test::freshStorePath(QStringLiteral("sampledata"), name);
}

SampleSet makeSet(const QString &name, const QJsonObject &data = {})
{
    SampleSet set;
    set.name = name;
    set.language = QStringLiteral(""); // LocalStore refuses a null language (see tst_models_sampledata)
    set.data = cio::liquid::JsonData::fromObject(data);
    return set;
}

std::optional<SampleSet> byName(const LocalStore &store, const QString &name)
{
    const QList<SampleSet> sets = store.sampleSets();
    for (const SampleSet &set : sets) {
        if (set.name == name)
            return set;
    }
    return std::nullopt;
}

int rowOf(QListWidget *list, const QString &name)
{
    for (int row = 0; row < list->count(); ++row) {
        if (list->item(row)->text() == name)
            return row;
    }
    return -1;
}

void screenshot(QWidget *widget, const QString &name)
{
    const QString folder = qEnvironmentVariable("CIO_SCREENSHOT_DIR");
    if (folder.isEmpty())
        return;
    QDir().mkpath(folder);
    QApplication::processEvents(); // let layouts settle after the last change
    QVERIFY(widget->grab().save(folder + QLatin1Char('/') + name));
}

// A colour Scintilla reports (0xBBGGRR).
QColor fromScintilla(long value)
{
    return QColor(int(value & 0xff), int((value >> 8) & 0xff), int((value >> 16) & 0xff));
}

QColor stylePaper(const CodeEditor &editor, int style)
{
    return fromScintilla(
        editor.SendScintilla(QsciScintillaBase::SCI_STYLEGETBACK, static_cast<unsigned long>(style)));
}

QColor styleColour(const CodeEditor &editor, int style)
{
    return fromScintilla(
        editor.SendScintilla(QsciScintillaBase::SCI_STYLEGETFORE, static_cast<unsigned long>(style)));
}

// The editor's paper, text, margins and caret are the palette's, and every style of its lexer reads.
void checkFollows(const CodeEditor &editor, const QPalette &palette)
{
    const QColor base = palette.color(QPalette::Base);
    QCOMPARE(stylePaper(editor, QsciScintillaBase::STYLE_DEFAULT), base);
    QCOMPARE(stylePaper(editor, 0), base);
    QCOMPARE(editor.lexer()->paper(0), base);
    QCOMPARE(styleColour(editor, 0), palette.color(QPalette::Text));
    QCOMPARE(stylePaper(editor, QsciScintillaBase::STYLE_LINENUMBER), palette.color(QPalette::Window));
    QCOMPARE(fromScintilla(editor.SendScintilla(QsciScintillaBase::SCI_GETCARETFORE)),
             palette.color(QPalette::Text));
    for (int style = 0; style <= int(QsciScintillaBase::STYLE_MAX); ++style) {
        if (editor.lexer()->description(style).isEmpty())
            continue;
        const double ratio = cio::theme::contrastRatio(styleColour(editor, style), stylePaper(editor, style));
        QVERIFY2(ratio >= 4.5, qPrintable(QStringLiteral("style %1 (%2): %3:1")
                                              .arg(style)
                                              .arg(editor.lexer()->description(style))
                                              .arg(ratio)));
    }
}

// The dialog's widgets, found the way a test of any other window would find them.
struct Ui
{
    explicit Ui(SampleDataDialog *dialog)
        : list(dialog->findChild<QListWidget *>(QStringLiteral("sampleSetList")))
        , name(dialog->findChild<QLineEdit *>(QStringLiteral("sampleSetName")))
        , language(dialog->findChild<QComboBox *>(QStringLiteral("sampleSetLanguage")))
        , json(dialog->findChild<CodeEditor *>(QStringLiteral("sampleSetJson")))
        , problem(dialog->findChild<QLabel *>(QStringLiteral("sampleSetProblem")))
        , save(dialog->findChild<QPushButton *>(QStringLiteral("saveSampleSet")))
        , create(dialog->findChild<QPushButton *>(QStringLiteral("newSampleSet")))
        , remove(dialog->findChild<QPushButton *>(QStringLiteral("deleteSampleSet")))
        , makeDefault(dialog->findChild<QPushButton *>(QStringLiteral("defaultSampleSet")))
        , message(dialog->findChild<cio::ui::MessageWidget *>())
    {}

    bool complete() const
    {
        return list && name && language && json && problem && save && create && remove && makeDefault &&
               message;
    }

    QListWidget *list;
    QLineEdit *name;
    QComboBox *language;
    CodeEditor *json;
    QLabel *problem;
    QPushButton *save;
    QPushButton *create;
    QPushButton *remove;
    QPushButton *makeDefault;
    cio::ui::MessageWidget *message;
};

} // namespace

class TestSampleDataDialog : public QObject
{
    Q_OBJECT

private slots:
    void createByTyping();
    void unsavedChangesSurviveCancel();
    void duplicateNameIsReported();
    void defaultAndDelete();
    void closeAsksFirst();
    void importAndScreenshot();
    void editorFollowsPalette();
};

void TestSampleDataDialog::createByTyping()
{
    LocalStore store;
    QVERIFY(store.open(tempPath(QStringLiteral("create.sqlite"))));
    SampleDataDialog dialog(&store);
    Ui ui(&dialog);
    QVERIFY(ui.complete());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    QCOMPARE(ui.list->count(), 0);
    QVERIFY2(ui.problem->text().contains(QStringLiteral("No sample-data sets")),
             qPrintable(ui.problem->text()));
    QVERIFY(!ui.json->isEnabled());
    QCOMPARE(dialog.currentSetId(), qint64(0));

    QTest::mouseClick(ui.create, Qt::LeftButton);
    QCOMPARE(ui.list->count(), 1);
    QCOMPARE(ui.name->text(), QStringLiteral("New set"));
    QVERIFY(ui.json->isEnabled());

    ui.name->clear();
    QTest::keyClicks(ui.name, QStringLiteral("Anna"));
    ui.name->setText(ui.name->text() + QStringLiteral(" Müller"));
    QCOMPARE(ui.list->item(0)->text(), QStringLiteral("Anna Müller")); // the unsaved row follows the name
    QTest::keyClicks(ui.language->lineEdit(), QStringLiteral("de"));

    ui.json->clear();
    ui.json->setFocus();
    QTest::keyClicks(ui.json, QStringLiteral(R"({"customer": {"first_name": "Anna" "plan": "pro"}})"));
    QCOMPARE(ui.json->text(), QStringLiteral(R"({"customer": {"first_name": "Anna" "plan": "pro"}})"));
    QVERIFY2(ui.problem->text().startsWith(QStringLiteral("Line 1, column 36: a comma or } is missing")),
             qPrintable(ui.problem->text()));
    QVERIFY(!ui.save->isEnabled());

    // Non-ASCII before the error on its line: the column counts characters.
    ui.json->setText(
        QStringLiteral("{\n  \"customer\": {\n    \"first_name\": \"Zoë\", \"city\": \"Zürich\" \"plan\": "
                       "\"pro\"\n  }\n}\n"));
    QVERIFY2(ui.problem->text().startsWith(QStringLiteral("Line 3, column 43: a comma or } is missing")),
             qPrintable(ui.problem->text()));
    QVERIFY(!ui.save->isEnabled());

    // Fix it by typing the missing comma in front of "plan".
    QVERIFY(ui.json->findFirst(QStringLiteral("\"plan\""), false, true, false, false));
    int line = 0, index = 0, lineTo = 0, indexTo = 0;
    ui.json->getSelection(&line, &index, &lineTo, &indexTo);
    ui.json->setCursorPosition(line, index);
    QTest::keyClicks(ui.json, QStringLiteral(", "));
    // "attribute(s)" until an English plural translation is loaded, as elsewhere in the app.
    QVERIFY2(ui.problem->text().startsWith(QStringLiteral("Valid: customer has 3 attribute")),
             qPrintable(ui.problem->text()));
    QVERIFY(ui.save->isEnabled());
    QVERIFY(dialog.isWindowModified());

    QTest::mouseClick(ui.save, Qt::LeftButton);
    const std::optional<SampleSet> saved = byName(store, QStringLiteral("Anna Müller"));
    QVERIFY(saved);
    QCOMPARE(saved->language, QStringLiteral("de"));
    QVERIFY(saved->isDefault); // the first set
    const QJsonObject customer = saved->data.value(QLatin1String("customer")).toObject();
    QCOMPARE(customer.value(QLatin1String("city")).toString(), QStringLiteral("Zürich"));
    QCOMPARE(customer.value(QLatin1String("first_name")).toString(), QStringLiteral("Zoë"));
    QCOMPARE(customer.value(QLatin1String("plan")).toString(), QStringLiteral("pro"));
    QCOMPARE(dialog.currentSetId(), saved->id);
    QVERIFY(!ui.save->isEnabled());
    QVERIFY(!dialog.isWindowModified());
    QCOMPARE(ui.list->count(), 1);
    QVERIFY(ui.message->isHidden());
}

void TestSampleDataDialog::unsavedChangesSurviveCancel()
{
    LocalStore store;
    QVERIFY(store.open(tempPath(QStringLiteral("switch.sqlite"))));
    const qint64 annaId = store.saveSampleSet(
        makeSet(QStringLiteral("Anna"),
                QJsonObject{{QStringLiteral("customer"), QJsonObject{{QStringLiteral("first_name"), 1}}}}));
    QVERIFY(annaId > 0);
    SampleDataDialog dialog(&store);
    Ui ui(&dialog);
    QVERIFY(ui.complete());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QCOMPARE(dialog.currentSetId(), annaId);

    // A set added elsewhere appears in the list.
    const qint64 bobId = store.saveSampleSet(makeSet(QStringLiteral("Bob")));
    QVERIFY(bobId > 0);
    QCOMPARE(ui.list->count(), 2);
    QCOMPARE(dialog.currentSetId(), annaId);

    // Valid but unsaved: Cancel keeps the text and the selection.
    const QString edited = QStringLiteral("{\"customer\": {\"first_name\": \"Änne\"}}");
    ui.json->setText(edited);
    QVERIFY(dialog.isWindowModified());
    MessageBox::setNextAnswer(QMessageBox::Cancel);
    ui.list->setCurrentRow(rowOf(ui.list, QStringLiteral("Bob")));
    QVERIFY2(MessageBox::lastText().contains(QStringLiteral("Save the changes")),
             qPrintable(MessageBox::lastText()));
    QCOMPARE(ui.json->text(), edited);
    QCOMPARE(dialog.currentSetId(), annaId);
    QCOMPARE(ui.list->currentRow(), rowOf(ui.list, QStringLiteral("Anna")));

    // Invalid: it cannot be saved, so the question is only whether to discard; Cancel keeps it too.
    const QString broken = QStringLiteral("{\"customer\": {\"first_name\": \"Änne\",}}");
    ui.json->setText(broken);
    MessageBox::setNextAnswer(QMessageBox::Cancel);
    dialog.selectSet(bobId);
    QVERIFY2(MessageBox::lastText().contains(QStringLiteral("cannot be saved")),
             qPrintable(MessageBox::lastText()));
    QCOMPARE(ui.json->text(), broken);
    QCOMPARE(dialog.currentSetId(), annaId);

    // Save on the way out writes it; Discard drops it.
    ui.json->setText(edited);
    MessageBox::setNextAnswer(QMessageBox::Save);
    dialog.selectSet(bobId);
    QCOMPARE(dialog.currentSetId(), bobId);
    QCOMPARE(byName(store, QStringLiteral("Anna"))
                 ->data.value(QLatin1String("customer"))
                 .toObject()
                 .value(QLatin1String("first_name")),
             QJsonValue(QStringLiteral("Änne")));
    ui.json->setText(QStringLiteral("{\"customer\": {\"id\": 7}}"));
    MessageBox::setNextAnswer(QMessageBox::Discard);
    dialog.selectSet(annaId);
    QCOMPARE(dialog.currentSetId(), annaId);
    QVERIFY(byName(store, QStringLiteral("Bob"))->data.isEmpty());
    QVERIFY(!dialog.isWindowModified());
}

void TestSampleDataDialog::duplicateNameIsReported()
{
    LocalStore store;
    QVERIFY(store.open(tempPath(QStringLiteral("duplicate.sqlite"))));
    QVERIFY(store.saveSampleSet(makeSet(QStringLiteral("Anna"))) > 0);
    QVERIFY(store.saveSampleSet(makeSet(QStringLiteral("Bob"))) > 0);
    SampleDataDialog dialog(&store);
    Ui ui(&dialog);
    QVERIFY(ui.complete());
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    ui.name->setText(QStringLiteral("Bob"));
    QVERIFY(ui.save->isEnabled());
    QTest::mouseClick(ui.save, Qt::LeftButton);
    QVERIFY(ui.message->isVisible());
    QVERIFY2(ui.message->text().contains(QStringLiteral("another set has that name")),
             qPrintable(ui.message->text()));
    QCOMPARE(ui.name->text(), QStringLiteral("Bob")); // still there to fix
    QVERIFY(byName(store, QStringLiteral("Anna")));

    // Ctrl+S saves once the name is free.
    ui.name->setText(QStringLiteral("Anna 2"));
    QVERIFY(QTest::qWaitForWindowActive(&dialog));
    QTest::keyClick(&dialog, Qt::Key_S, Qt::ControlModifier);
    QTRY_VERIFY(byName(store, QStringLiteral("Anna 2")));
    QVERIFY(!byName(store, QStringLiteral("Anna")));
    QVERIFY(ui.message->isHidden());
}

void TestSampleDataDialog::defaultAndDelete()
{
    LocalStore store;
    QVERIFY(store.open(tempPath(QStringLiteral("default.sqlite"))));
    const qint64 annaId = store.saveSampleSet(makeSet(QStringLiteral("Anna")));
    const qint64 bobId = store.saveSampleSet(makeSet(QStringLiteral("Bob")));
    QVERIFY(annaId > 0 && bobId > 0);
    SampleDataDialog dialog(&store);
    Ui ui(&dialog);
    QVERIFY(ui.complete());
    QCOMPARE(dialog.currentSetId(), annaId); // the default is shown first
    QVERIFY(!ui.makeDefault->isEnabled());

    dialog.selectSet(bobId);
    QVERIFY(ui.makeDefault->isEnabled());
    QTest::mouseClick(ui.makeDefault, Qt::LeftButton);
    QCOMPARE(store.defaultSampleSet()->id, bobId);
    QVERIFY(!ui.makeDefault->isEnabled());

    // Deleting asks first; No keeps it.
    MessageBox::setNextAnswer(QMessageBox::No);
    QTest::mouseClick(ui.remove, Qt::LeftButton);
    QCOMPARE(store.sampleSets().size(), 2);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(ui.remove, Qt::LeftButton);
    QCOMPARE(store.sampleSets().size(), 1);
    QCOMPARE(store.defaultSampleSet()->id, annaId);
    QCOMPARE(dialog.currentSetId(), annaId);
    QCOMPARE(ui.list->count(), 1);

    // A new set that was never saved is simply dropped.
    QTest::mouseClick(ui.create, Qt::LeftButton);
    QCOMPARE(ui.list->count(), 2);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(ui.remove, Qt::LeftButton);
    QCOMPARE(ui.list->count(), 1);
    QCOMPARE(store.sampleSets().size(), 1);
}

void TestSampleDataDialog::closeAsksFirst()
{
    LocalStore store;
    QVERIFY(store.open(tempPath(QStringLiteral("close.sqlite"))));
    SampleDataDialog dialog(&store);
    Ui ui(&dialog);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));
    QTest::mouseClick(ui.create, Qt::LeftButton);
    ui.json->setText(QStringLiteral("{\"customer\": "));

    MessageBox::setNextAnswer(QMessageBox::Cancel);
    dialog.reject();
    QVERIFY(dialog.isVisible());
    QCOMPARE(ui.json->text(), QStringLiteral("{\"customer\": "));

    MessageBox::setNextAnswer(QMessageBox::Discard);
    dialog.reject();
    QVERIFY(!dialog.isVisible());
    QVERIFY(store.sampleSets().isEmpty());
}

void TestSampleDataDialog::importAndScreenshot()
{
    LocalStore store;
    QVERIFY(store.open(tempPath(QStringLiteral("import.sqlite"))));
    SampleDataDialog dialog(&store);
    Ui ui(&dialog);
    dialog.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dialog));

    QVERIFY(dialog.importFile(QStringLiteral(CIO_SOURCE_DIR "/resources/demo/customers.json")));
    QCOMPARE(store.sampleSets().size(), 8);
    QCOMPARE(ui.list->count(), 8);
    QVERIFY(ui.message->text().contains(QStringLiteral("Imported 8 set")));
    QVERIFY(dialog.currentSetId() != 0);

    // Importing again keeps both copies apart by name.
    QVERIFY(dialog.importFile(QStringLiteral(CIO_SOURCE_DIR "/resources/demo/customers.json")));
    QCOMPARE(store.sampleSets().size(), 16);
    QVERIFY(byName(store, QStringLiteral("Anna (de, VIP) (2)")));

    const QString exported = tempPath(QStringLiteral("export.json"));
    QVERIFY(dialog.exportFile(exported));
    QFile file(exported);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QVERIFY(file.readAll().contains("\"sample_sets\""));

    QVERIFY(!dialog.importFile(tempPath(QStringLiteral("missing.json"))));
    QCOMPARE(ui.message->type(), cio::ui::MessageWidget::Type::Error);
    ui.message->hideMessage();

    dialog.selectSet(byName(store, QStringLiteral("Sofía (es, Pro)"))->id);
    screenshot(&dialog, QStringLiteral("sampledata-valid.png"));
    ui.json->setText(
        ui.json->text().replace(QStringLiteral("\"plan\": \"pro\","), QStringLiteral("\"plan\": \"pro\"")));
    QVERIFY2(ui.problem->text().startsWith(QStringLiteral("Line ")), qPrintable(ui.problem->text()));
    screenshot(&dialog, QStringLiteral("sampledata-invalid.png"));
    MessageBox::setNextAnswer(QMessageBox::Discard);
    dialog.reject();
}

void TestSampleDataDialog::editorFollowsPalette()
{
    const QPalette original = QApplication::palette();
    const auto restore = qScopeGuard([&original] { QApplication::setPalette(original); });
    QWidget window; // editors inside a window, as in the app
    auto *body = new CodeEditor(&window);
    body->setText(QStringLiteral("<p class=\"hi\">Hello {{ customer.first_name }}</p>\n<!-- a comment -->"));
    auto *json = new CodeEditor(&window); // another lexer, set later (as the sample-data dialog does)
    json->setLexer(new QsciLexerJSON(json));
    json->setText(QStringLiteral("{\"customer\": {\"plan\": \"pro\", \"vip\": true}}"));
    auto *layout = new QVBoxLayout(&window);
    layout->addWidget(body);
    layout->addWidget(json);
    window.resize(480, 240);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    checkFollows(*body, QApplication::palette());
    checkFollows(*json, QApplication::palette());

    QPalette dark(QColor(53, 53, 53));
    dark.setColor(QPalette::Base, QColor(35, 35, 35));
    dark.setColor(QPalette::Text, QColor(230, 230, 230));
    QApplication::setPalette(dark);
    QTRY_COMPARE(cio::theme::schemeOf(body->palette()), cio::theme::Scheme::Dark); // the window passes it on
    checkFollows(*body, dark);
    checkFollows(*json, dark);
    QVERIFY(stylePaper(*body, 0).lightness() < 64); // not white in a dark palette
    screenshot(&window, QStringLiteral("codeeditor-dark.png"));

    // And back.
    QApplication::setPalette(original);
    QTRY_COMPARE(cio::theme::schemeOf(body->palette()), cio::theme::Scheme::Light);
    checkFollows(*body, QApplication::palette());
    checkFollows(*json, QApplication::palette());
}

QTEST_MAIN(TestSampleDataDialog)
#include "tst_ui_sampledata.moc"
