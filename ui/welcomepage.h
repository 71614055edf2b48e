#pragma once

#include <QWidget>

class QPushButton;
class QLabel;

namespace cio::ui {

// First screen when no workspace is open: the way into the demo workspace.
class WelcomePage final : public QWidget
{
    Q_OBJECT

public:
    explicit WelcomePage(QWidget *parent = nullptr);

    // Shows why the last attempt to open a workspace failed (empty hides it).
    void setError(const QString &message);
    void setBusy(bool busy);

signals:
    void openDemoRequested();

private:
    QPushButton *m_openDemo;
    QLabel *m_error;
};

} // namespace cio::ui
