// End to end: the GUI opens the demo workspace (in-process sandbox) and lists its newsletters.
#include "app/studio.h"
#include "models/newsletterlistmodel.h"
#include "ui/mainwindow.h"
#include "ui/newsletterlistpage.h"
#include "ui/welcomepage.h"

#include <QApplication>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QStackedWidget>
#include <QTest>
#include <QTreeView>

class TestE2eDemo : public QObject
{
    Q_OBJECT

private slots:
    void demoOptionOpensTheNewsletterList();
    void welcomeButtonOpensTheDemo();
    void helpersAndErrors();
};

static QTreeView *waitForList(cio::ui::MainWindow *window)
{
    QTreeView *view = nullptr;
    [&] {
        QTRY_VERIFY_WITH_TIMEOUT((view = window->findChild<QTreeView *>(QStringLiteral("newsletterList"))),
                                 10000);
    }();
    return view;
}

void TestE2eDemo::demoOptionOpensTheNewsletterList()
{
    cio::app::Studio studio;
    QVERIFY(studio.start({QStringLiteral("cio-studio"), QStringLiteral("--demo")}));
    cio::ui::MainWindow *window = studio.mainWindow();
    QVERIFY(window->isVisible());

    QTreeView *view = waitForList(window);
    QVERIFY(view);
    QTRY_VERIFY_WITH_TIMEOUT(view->model()->rowCount() >= 40, 15000);
    QVERIFY(view->isVisible());

    // The sidebar shows the sections that work, and Newsletters is current.
    QListWidget *sidebar = window->sidebar();
    QVERIFY(sidebar->count() >= 1);
    QCOMPARE(sidebar->currentItem()->text(), QStringLiteral("Newsletters"));

    // Every row shows a name and an id.
    for (int row = 0; row < view->model()->rowCount(); ++row) {
        QVERIFY(!view->model()
                     ->index(row, cio::models::NewsletterListModel::NameColumn)
                     .data()
                     .toString()
                     .isEmpty());
        QVERIFY(view->model()->index(row, cio::models::NewsletterListModel::IdColumn).data().toLongLong() >
                0);
    }

    // Typing a newsletter's name into the search field narrows the list to it.
    const QString name =
        view->model()->index(0, cio::models::NewsletterListModel::NameColumn).data().toString();
    auto *search = window->findChild<QLineEdit *>(QStringLiteral("newsletterSearch"));
    QVERIFY(search);
    const int all = view->model()->rowCount();
    QTest::keyClicks(search, name);
    QTRY_VERIFY(view->model()->rowCount() >= 1);
    QVERIFY(view->model()->rowCount() < all);
    for (int row = 0; row < view->model()->rowCount(); ++row)
        QVERIFY(view->model()->index(row, 0).data().toString().contains(name, Qt::CaseInsensitive));

    search->clear();
    QTRY_COMPARE(view->model()->rowCount(), all);
}

void TestE2eDemo::welcomeButtonOpensTheDemo()
{
    cio::app::Studio studio;
    QVERIFY(studio.start({QStringLiteral("cio-studio")}));
    cio::ui::MainWindow *window = studio.mainWindow();
    auto *button = window->findChild<QPushButton *>(QStringLiteral("openDemoButton"));
    QVERIFY(button);
    QVERIFY(button->isVisible());
    QVERIFY(!window->findChild<QTreeView *>(QStringLiteral("newsletterList")));

    QTest::mouseClick(button, Qt::LeftButton);
    QTreeView *view = waitForList(window);
    QVERIFY(view);
    QTRY_VERIFY_WITH_TIMEOUT(view->model()->rowCount() >= 40, 15000);
    QVERIFY(!button->isVisible());
}

void TestE2eDemo::helpersAndErrors()
{
    cio::app::Studio studio;
    QString error;
    QVERIFY(!studio.start({QStringLiteral("cio-studio"), QStringLiteral("--no-such-option")}, &error));
    QVERIFY(error.contains(QLatin1String("no-such-option")));
}

QTEST_MAIN(TestE2eDemo)
#include "tst_e2e_demo.moc"
