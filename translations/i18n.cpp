#include "translations/i18n.h"

#include <QCoreApplication>
#include <QLoggingCategory>
#include <QTranslator>

namespace cio::i18n {

void installTranslations()
{
    auto *translator = new QTranslator(QCoreApplication::instance());
    if (translator->load(QStringLiteral(":/i18n/cio-studio_en.qm")))
        QCoreApplication::installTranslator(translator);
    else
        qWarning("The English texts for counts are missing from this build");
}

} // namespace cio::i18n
