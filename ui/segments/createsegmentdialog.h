#pragma once

#include <QDialog>
#include <QStringList>

#include <memory>

namespace Ui {
class CreateSegmentDialog;
}

namespace cio::ui {

// Asks for a new manual segment's name and description. It never talks to the network: the page
// creates the segment when the dialog is accepted.
class CreateSegmentDialog final : public QDialog
{
    Q_OBJECT

public:
    // existingNames: the workspace's segment names, to warn about a second segment of the same name.
    explicit CreateSegmentDialog(const QStringList &existingNames, QWidget *parent = nullptr);
    ~CreateSegmentDialog() override;

    QString name() const;
    QString description() const;
    void setName(const QString &name);
    void setDescription(const QString &description);

private:
    void update();

    std::unique_ptr<Ui::CreateSegmentDialog> m_ui;
    QStringList m_existing;
};

} // namespace cio::ui
