#pragma once

// main() for tests whose code under test may start WebEngine (the Liquid engine, the preview): the
// attribute and URL scheme WebEngine needs before the application object, and its pages and profiles
// released before the application goes, as WebEngine requires.

#include "liquid/liquidengine.h"
#include "liquid/webengine.h"

#include <QTest>

#ifdef QT_WIDGETS_LIB
#include "ui/preview/previewprofile.h"

#include <QApplication>

#define CIO_WEBENGINE_TEST_MAIN(TestObject)                                                                  \
    int main(int argc, char *argv[])                                                                         \
    {                                                                                                        \
        cio::webengine::prepareBeforeApplication();                                                          \
        QApplication app(argc, argv);                                                                        \
        app.setAttribute(Qt::AA_Use96Dpi, true);                                                             \
        int result = 0;                                                                                      \
        {                                                                                                    \
            TestObject test;                                                                                 \
            QTEST_SET_MAIN_SOURCE_PATH                                                                       \
            result = QTest::qExec(&test, argc, argv);                                                        \
        }                                                                                                    \
        cio::ui::PreviewProfile::shutdown();                                                                 \
        cio::liquid::LiquidEngine::shutdown();                                                               \
        return result;                                                                                       \
    }
#else
#include <QGuiApplication>

#define CIO_WEBENGINE_TEST_MAIN(TestObject)                                                                  \
    int main(int argc, char *argv[])                                                                         \
    {                                                                                                        \
        cio::webengine::prepareBeforeApplication();                                                          \
        QGuiApplication app(argc, argv);                                                                     \
        int result = 0;                                                                                      \
        {                                                                                                    \
            TestObject test;                                                                                 \
            QTEST_SET_MAIN_SOURCE_PATH                                                                       \
            result = QTest::qExec(&test, argc, argv);                                                        \
        }                                                                                                    \
        cio::liquid::LiquidEngine::shutdown();                                                               \
        return result;                                                                                       \
    }
#endif
