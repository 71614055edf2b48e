// End to end in the GUI: add a workspace through the dialog (with the wrong region first), open it
// read-only, and remove it again — against two sandboxes standing in for the US and EU hosts.
#include "../common/testhome.h"
#include "app/studio.h"
#include "models/newsletters/newsletterlistmodel.h"
#include "models/workspaces/connectiontester.h"
#include "models/workspaces/workspacerepository.h"
#include "sandbox/sandboxserver.h"
#include "tests/common/contractproxy.h"
#include "tests/common/webenginetest.h"
#include "ui/common/messagebox.h"
#include "ui/mainwindow.h"
#include "ui/newsletters/newsletterlistpage.h"
#include "ui/workspaces/workspacedialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

namespace {
const QString UsKey = QStringLiteral("sk-gui-us-0a9f-SECRET");
}

class TestE2eWorkspaceGui : public QObject
{
    Q_OBJECT

private slots:
    void initTestCase();
    void cleanupTestCase();
    void addOpenAndRemoveAWorkspace();

private:
    void shoot(QWidget *widget, const QString &name);

    cio::sandbox::Server m_us;
    cio::sandbox::Server m_eu;
    // Both regions' App APIs through the contract's validator.
    cio::test::ContractProxy m_usContract, m_euContract;
};

void TestE2eWorkspaceGui::initTestCase()
{
    cio::test::freshHome();
    QVERIFY2(!qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS"), "run through scripts/test.sh");
    cio::sandbox::Options us;
    us.apiKey = UsKey;
    QVERIFY(m_us.start(us));
    cio::sandbox::Options eu;
    eu.apiKey = QStringLiteral("some-eu-key");
    QVERIFY(m_eu.start(eu));
    QString error;
    QVERIFY2(m_usContract.start(m_us.url(), &error), qPrintable(error));
    QVERIFY2(m_euContract.start(m_eu.url(), &error), qPrintable(error));
}

void TestE2eWorkspaceGui::cleanupTestCase()
{
    QStringList violations;
    for (cio::test::ContractProxy *contract : {&m_usContract, &m_euContract}) {
        qInfo().noquote() << contract->coverageLine();
        contract->stop();
        violations += contract->violations();
    }
    QVERIFY2(violations.isEmpty(), qPrintable(violations.join(QLatin1Char('\n'))));
}

void TestE2eWorkspaceGui::shoot(QWidget *widget, const QString &name)
{
    // For looking at the screens by eye: CIO_SCREENSHOT_DIR=/tmp/shots ctest -R workspace_gui
    const QString dir = qEnvironmentVariable("CIO_SCREENSHOT_DIR");
    if (!dir.isEmpty())
        widget->grab().save(dir + QLatin1Char('/') + name + QLatin1String(".png"));
}

void TestE2eWorkspaceGui::addOpenAndRemoveAWorkspace()
{
    cio::app::Studio studio;
    studio.connectionTester()->setRegionHost(cio::api::Region::Us, m_usContract.url());
    studio.connectionTester()->setRegionHost(cio::api::Region::Eu, m_euContract.url());
    QVERIFY(studio.start({QStringLiteral("cio-studio")}));
    cio::ui::MainWindow *window = studio.mainWindow();

    auto *add = window->findChild<QPushButton *>(QStringLiteral("addWorkspaceButton"));
    QVERIFY(add && add->isVisible());
    QTest::mouseClick(add, Qt::LeftButton);
    QTRY_VERIFY(studio.workspaceDialog());
    cio::ui::WorkspaceDialog *dialog = studio.workspaceDialog();

    auto *name = dialog->findChild<QLineEdit *>(QStringLiteral("nameEdit"));
    auto *region = dialog->findChild<QComboBox *>(QStringLiteral("regionCombo"));
    auto *baseUrl = dialog->findChild<QLineEdit *>(QStringLiteral("baseUrlEdit"));
    auto *key = dialog->findChild<QLineEdit *>(QStringLiteral("appKeyEdit"));
    auto *readOnly = dialog->findChild<QCheckBox *>(QStringLiteral("readOnlyCheck"));
    auto *test = dialog->findChild<QPushButton *>(QStringLiteral("testButton"));
    auto *result = dialog->findChild<QLabel *>(QStringLiteral("testResult"));
    auto *switchRegion = dialog->findChild<QPushButton *>(QStringLiteral("switchRegionButton"));
    auto *buttons = dialog->findChild<QDialogButtonBox *>(QStringLiteral("buttonBox"));
    QVERIFY(name && region && baseUrl && key && readOnly && test && result && switchRegion && buttons);
    QVERIFY(!buttons->button(QDialogButtonBox::Save)->isEnabled()); // nothing typed yet

    QTest::keyClicks(name, QStringLiteral("Northwind (read-only)"));
    region->setCurrentIndex(region->findData(int(cio::api::Region::Eu)));
    QTest::keyClicks(key, UsKey);
    readOnly->setChecked(true);
    QCOMPARE(key->echoMode(), QLineEdit::Password);

    // Wrong region first: the dialog says so and offers to switch.
    QTest::mouseClick(test, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(switchRegion->isVisible(), 10000);
    QVERIFY2(result->text().contains(QLatin1String("US")), qPrintable(result->text()));
    shoot(dialog, QStringLiteral("workspace-dialog-wrong-region"));
    QTest::mouseClick(switchRegion, Qt::LeftButton);
    QCOMPARE(region->currentData().toInt(), int(cio::api::Region::Us));
    QTRY_VERIFY_WITH_TIMEOUT(result->text().startsWith(QLatin1String("Connected")), 10000);

    // The US stand-in is a loopback sandbox, so give its address explicitly to open it for real.
    QTest::keyClicks(baseUrl, m_usContract.url().toString());
    QTest::mouseClick(buttons->button(QDialogButtonBox::Save), Qt::LeftButton);

    QTRY_VERIFY_WITH_TIMEOUT(window->hasWorkspace(), 20000);
    QCOMPARE(window->currentProfile().name, QStringLiteral("Northwind (read-only)"));
    QVERIFY(window->currentProfile().readOnly);
    auto *badge = window->findChild<QLabel *>(QStringLiteral("readOnlyBadge"));
    QVERIFY(badge && badge->isVisible());
    auto *switcher = window->findChild<QToolButton *>(QStringLiteral("workspaceSwitcher"));
    QVERIFY(switcher->text().contains(QLatin1String("Northwind")));
    QTreeView *list = window->findChild<QTreeView *>(QStringLiteral("newsletterList"));
    QVERIFY(list);
    QTRY_VERIFY_WITH_TIMEOUT(list->model()->rowCount() >= 40, 15000);
    shoot(window, QStringLiteral("main-window-read-only"));

    // The key went to the keychain only.
    QCOMPARE(cio::test::filesContaining(QDir::homePath(), UsKey.toUtf8()), QStringList());

    // Remove it (confirmation answered ahead): back to the welcome page, profile gone.
    const QString id = window->currentProfile().id;
    cio::ui::MessageBox::setNextAnswer(QMessageBox::Yes);
    studio.removeWorkspace(id);
    QTRY_VERIFY_WITH_TIMEOUT(!window->hasWorkspace(), 20000);
    QVERIFY(cio::ui::MessageBox::lastText().contains(QLatin1String("keychain")));
    QVERIFY(!studio.workspaces()->profiles().find(id));
    QTRY_VERIFY(add->isVisible());
}

CIO_WEBENGINE_TEST_MAIN(TestE2eWorkspaceGui)
#include "tst_e2e_workspace_gui.moc"
