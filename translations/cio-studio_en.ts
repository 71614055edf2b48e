<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>cio::app::Cli</name>
    <message numerus="yes">
        <source>%n character(s)</source>
        <translation><numerusform>%n character</numerusform><numerusform>%n characters</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation><numerusform>%n error</numerusform><numerusform>%n errors</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation><numerusform>%n warning</numerusform><numerusform>%n warnings</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>in %n variant(s)</source>
        <translation><numerusform>in %n variant</numerusform><numerusform>in %n variants</numerusform></translation>
    </message>
</context>
<context>
    <name>cio::models::NewsletterListModel</name>
    <message numerus="yes">
        <source>%1 (id %2, %n variant(s))</source>
        <translation><numerusform>%1 (id %2, %n variant)</numerusform><numerusform>%1 (id %2, %n variants)</numerusform></translation>
    </message>
</context>
<context>
    <name>cio::models::VariantMatrixModel</name>
    <message numerus="yes">
        <source>%1 · %n QA error(s)</source>
        <translation><numerusform>%1 · %n QA error</numerusform><numerusform>%1 · %n QA errors</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 · %n warning(s)</source>
        <translation><numerusform>%1 · %n warning</numerusform><numerusform>%1 · %n warnings</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Quality checks: %n error(s)</source>
        <translation><numerusform>Quality checks: %n error</numerusform><numerusform>Quality checks: %n errors</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation><numerusform>%n warning</numerusform><numerusform>%n warnings</numerusform></translation>
    </message>
</context>
<context>
    <name>cio::ui::LanguageGrid</name>
    <message numerus="yes">
        <source>%n language(s)</source>
        <translation><numerusform>%n language</numerusform><numerusform>%n languages</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n Liquid problem(s) with this data; the editor's Quality tab lists them.</source>
        <translation><numerusform>%n Liquid problem with this data; the editor's Quality tab lists them.</numerusform><numerusform>%n Liquid problems with this data; the editor's Quality tab lists them.</numerusform></translation>
    </message>
</context>
<context>
    <name>cio::ui::MainWindow</name>
    <message numerus="yes">
        <source>Workspace synced (%n newsletter(s) refreshed).</source>
        <translation><numerusform>Workspace synced (%n newsletter refreshed).</numerusform><numerusform>Workspace synced (%n newsletters refreshed).</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n unsaved draft(s) from an earlier session are kept on this computer. Open the newsletter with the newest one to review and save it.</source>
        <translation><numerusform>%n unsaved draft from an earlier session are kept on this computer. Open the newsletter with the newest one to review and save it.</numerusform><numerusform>%n unsaved drafts from an earlier session are kept on this computer. Open the newsletter with the newest one to review and save it.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n request(s) in flight</source>
        <translation><numerusform>%n request in flight</numerusform><numerusform>%n requests in flight</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n waiting for the rate limit</source>
        <translation><numerusform>%n waiting for the rate limit</numerusform><numerusform>%n waiting for the rate limit</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n retrying</source>
        <translation><numerusform>%n retrying</numerusform><numerusform>%n retrying</numerusform></translation>
    </message>
</context>
<context>
    <name>cio::ui::NewsletterPage</name>
    <message numerus="yes">
        <source>QA: %n variant(s) with errors</source>
        <translation><numerusform>QA: %n variant with errors</numerusform><numerusform>QA: %n variants with errors</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n variant(s)</source>
        <translation><numerusform>%n variant</numerusform><numerusform>%n variants</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>A/B test with %n group(s)</source>
        <translation><numerusform>A/B test with %n group</numerusform><numerusform>A/B test with %n groups</numerusform></translation>
    </message>
</context>
<context>
    <name>cio::ui::QaPanel</name>
    <message numerus="yes">
        <source>%n error(s)</source>
        <translation><numerusform>%n error</numerusform><numerusform>%n errors</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation><numerusform>%n warning</numerusform><numerusform>%n warnings</numerusform></translation>
    </message>
</context>
<context>
    <name>cio::ui::SampleDataDialog</name>
    <message numerus="yes">
        <source>Imported %n set(s) from “%1”; not imported: %2</source>
        <translation><numerusform>Imported %n set from “%1”; not imported: %2</numerusform><numerusform>Imported %n sets from “%1”; not imported: %2</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Imported %n set(s) from “%1”.</source>
        <translation><numerusform>Imported %n set from “%1”.</numerusform><numerusform>Imported %n sets from “%1”.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n set(s) to “%1”.</source>
        <translation><numerusform>Exported %n set to “%1”.</numerusform><numerusform>Exported %n sets to “%1”.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Valid: customer has %n attribute(s)</source>
        <translation><numerusform>Valid: customer has %n attribute</numerusform><numerusform>Valid: customer has %n attributes</numerusform></translation>
    </message>
</context>
<context>
    <name>cio::ui::VariantEditor</name>
    <message numerus="yes">
        <source>Replaced %n occurrence(s).</source>
        <translation><numerusform>Replaced %n occurrence.</numerusform><numerusform>Replaced %n occurrences.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Quality (%n error(s))</source>
        <translation><numerusform>Quality (%n error)</numerusform><numerusform>Quality (%n errors)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Quality (%n warning(s))</source>
        <translation><numerusform>Quality (%n warning)</numerusform><numerusform>Quality (%n warnings)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The quality checks found %n error(s) in this variant:</source>
        <translation><numerusform>The quality checks found %n error in this variant:</numerusform><numerusform>The quality checks found %n errors in this variant:</numerusform></translation>
    </message>
</context>
</TS>
