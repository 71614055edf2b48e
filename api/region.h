#pragma once

#include <QString>
#include <QUrl>

#include <optional>

namespace cio::api {

// Customer.io hosts the same App API paths in two data centres; a workspace lives in exactly one.
enum class Region
{
    Us,
    Eu
};

// https://api.customer.io or https://api-eu.customer.io, without the /v1 prefix (requests carry it).
QUrl defaultBaseUrl(Region r);

// Stable lower-case names for settings files: "us" / "eu".
QString regionName(Region r);
std::optional<Region> regionFromName(const QString &name);

// The key may only travel encrypted, except to this machine (the sandbox): https to any host,
// plain http only to 127.0.0.0/8, ::1 or localhost. On refusal *why gets a sentence for a person.
bool isAllowedBaseUrl(const QUrl &url, QString *why = nullptr);

} // namespace cio::api
