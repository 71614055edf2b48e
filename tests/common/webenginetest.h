#pragma once

// main() for tests whose code under test may start WebEngine (the Liquid engine, the preview): the
// attribute and URL scheme WebEngine needs before the application object, and its pages and profiles
// released before the application goes, as WebEngine requires.

#include "liquid/liquidengine.h"
#include "liquid/webengine.h"

#include <QTest>

#ifdef QT_WIDGETS_LIB

#include <QApplication>
using CioTestApplication = QApplication;
#else
#include <QGuiApplication>
using CioTestApplication = QGuiApplication;
#endif

namespace cio::test {

template<class TestObject>
int runWebEngineTest(int argc, char *argv[])
{
    webengine::prepareBeforeApplication();
    CioTestApplication app(argc, argv);
    app.setAttribute(Qt::AA_Use96Dpi, true);
    int result = 0;
    {
        TestObject test;
        result = QTest::qExec(&test, argc, argv);
    }
    return result;
}

} // namespace cio::test

#define CIO_WEBENGINE_TEST_MAIN(TestObject)                                                             \
    int main(int argc, char *argv[])                                                                    \
    {                                                                                                   \
        QTEST_SET_MAIN_SOURCE_PATH                                                                      \
        return cio::test::runWebEngineTest<TestObject>(argc, argv);                                     \
    }
