#pragma once

#include <QStringList>

#include <functional>

namespace cio::app {

// One command of cio-studio-cli: the words that name it, what follows them, what it does, the options it
// reads, and how it runs. The dispatcher, `--help`, `COMMAND --help` and `help COMMAND` all come from the
// table (Cli::m_commands), which each file of app/cli/ fills for its area.
struct CliCommand final
{
    QStringList words;   // "variants", "set"
    QString arguments;   // what follows the words, as the help shows it
    QString help;        // what it does: one paragraph, wrapped when printed
    QStringList options; // the options it reads (without "--"), listed by its own help
    // false: it runs without a key or a network (local work, the saved workspaces).
    bool needsWorkspace = true;
    // Positional arguments after the words; -1: the command checks them itself (with its own message).
    int minArguments = -1;
    int maxArguments = -1;
    // Runs with every positional word, the command's included (e.g. "segments", "show", "14").
    std::function<void(const QStringList &words)> run;

    QString name() const { return words.join(QLatin1Char(' ')); }
    QString synopsis() const { return arguments.isEmpty() ? name() : name() + QLatin1Char(' ') + arguments; }
};

} // namespace cio::app
