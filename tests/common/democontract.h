#pragma once
// The demo workspace behind the vendor's contract: every demo sandbox a test's Studio starts listens on
// one port, and the app talks to Prism (proxy, --errors) in front of it. check() at the end of the test
// program fails on any violation and prints how much of the contract the run exercised.
#include "app/demosandbox.h"
#include "tests/common/contractproxy.h"

#include <QDebug>
#include <QTest>

namespace cio::test {

class DemoContract
{
public:
    DemoContract() = default;
    DemoContract(const DemoContract &) = delete;
    DemoContract &operator=(const DemoContract &) = delete;
    ~DemoContract() { app::DemoSandbox::setFrontForTests(0, {}); }

    bool start(QString *error)
    {
        const quint16 port = ContractProxy::freePort();
        if (!m_proxy.start(QUrl(QStringLiteral("http://127.0.0.1:%1").arg(port)), error))
            return false;
        app::DemoSandbox::setFrontForTests(port, m_proxy.url());
        return true;
    }

    // For cleanupTestCase(): the violations, none expected.
    QStringList finish()
    {
        qInfo().noquote() << m_proxy.coverageLine();
        m_proxy.stop();
        return m_proxy.violations();
    }

private:
    ContractProxy m_proxy;
};

} // namespace cio::test
