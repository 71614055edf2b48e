#pragma once

#include <Qt>

namespace cio::models {

// Roles shared by our item models, so views and proxies need not know a model's class.
enum ItemRole
{
    IdRole = Qt::UserRole + 1, // qint64 id of the row's object
    SortRole,                  // a value that sorts naturally (numbers, timestamps)
    SearchTextRole,            // all the text a search field should match
    StateRole,                 // a model-specific state enum as int
    KindRole,                  // the object's type (newsletter type: email, push, …)
    QaErrorsRole,              // errors the quality checks found (-1: not checked)
};

} // namespace cio::models
