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
    <message numerus="yes">
        <source>Delete snippet “%1”? The local copy knows %n usage(s) of it. [y/N] </source>
        <translation><numerusform>Delete snippet “%1”? The local copy knows %n usage of it. [y/N] </numerusform><numerusform>Delete snippet “%1”? The local copy knows %n usages of it. [y/N] </numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Saved snippet “%1” (%n character(s)).</source>
        <translation><numerusform>Saved snippet “%1” (%n character).</numerusform><numerusform>Saved snippet “%1” (%n characters).</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Nothing was saved: your change brings in %n quality-check error(s). Correct them, or add --ignore-qa to save anyway.</source>
        <translation><numerusform>Nothing was saved: your change brings in %n quality-check error. Correct them, or add --ignore-qa to save anyway.</numerusform><numerusform>Nothing was saved: your change brings in %n quality-check errors. Correct them, or add --ignore-qa to save anyway.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Created snippet “%1” (%n character(s)).</source>
        <translation><numerusform>Created snippet “%1” (%n character).</numerusform><numerusform>Created snippet “%1” (%n characters).</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1: %2%3, %n unit(s) (%4 translated, %5 to review, %6 to translate)</source>
        <translation><numerusform>%1: %2%3, %n unit (%4 translated, %5 to review, %6 to translate)</numerusform><numerusform>%1: %2%3, %n units (%4 translated, %5 to review, %6 to translate)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1: %2%3, %4 of %n unit(s) translated; %5</source>
        <translation><numerusform>%1: %2%3, %4 of %n unit translated; %5</numerusform><numerusform>%1: %2%3, %4 of %n units translated; %5</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>This changes %n variant(s); add --yes to push the changes (or --dry-run to only check).</source>
        <translation><numerusform>This changes %n variant; add --yes to push the changes (or --dry-run to only check).</numerusform><numerusform>This changes %n variants; add --yes to push the changes (or --dry-run to only check).</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Push the changes to %n variant(s)? [y/N] </source>
        <translation><numerusform>Push the changes to %n variant? [y/N] </numerusform><numerusform>Push the changes to %n variants? [y/N] </numerusform></translation>
    </message>
</context>
<context>
    <name>cio::models::MemberImport</name>
    <message numerus="yes">
        <source>%n identifier(s)</source>
        <translation><numerusform>%n identifier</numerusform><numerusform>%n identifiers</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n duplicate(s) left out</source>
        <translation><numerusform>%n duplicate left out</numerusform><numerusform>%n duplicates left out</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n line(s) rejected</source>
        <translation><numerusform>%n line rejected</numerusform><numerusform>%n lines rejected</numerusform></translation>
    </message>
</context>
<context>
    <name>cio::models::MembershipBatcher</name>
    <message numerus="yes">
        <source>%n member(s) added to the segment.</source>
        <translation><numerusform>%n member added to the segment.</numerusform><numerusform>%n members added to the segment.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) removed from the segment.</source>
        <translation><numerusform>%n member removed from the segment.</numerusform><numerusform>%n members removed from the segment.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) added</source>
        <translation><numerusform>%n member added</numerusform><numerusform>%n members added</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) removed</source>
        <translation><numerusform>%n member removed</numerusform><numerusform>%n members removed</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n identifier(s) not sent yet</source>
        <translation><numerusform>%n identifier not sent yet</numerusform><numerusform>%n identifiers not sent yet</numerusform></translation>
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
    <name>cio::models::SegmentExporter</name>
    <message numerus="yes">
        <source>The export stopped after %n member(s): %1</source>
        <translation><numerusform>The export stopped after %n member: %1</numerusform><numerusform>The export stopped after %n members: %1</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Exported %n member(s) to %1.</source>
        <translation><numerusform>Exported %n member to %1.</numerusform><numerusform>Exported %n members to %1.</numerusform></translation>
    </message>
</context>
<context>
    <name>cio::models::SnippetUsages</name>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation><numerusform>… and %n more</numerusform><numerusform>… and %n more</numerusform></translation>
    </message>
</context>
<context>
    <name>cio::models::VariantMatrixModel</name>
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
    <name>cio::ui::DeleteSegmentDialog</name>
    <message numerus="yes">
        <source>It is used by %n campaign(s) or newsletter(s), which will no longer find it:</source>
        <translation><numerusform>It is used by %n campaign or newsletter, which will no longer find it:</numerusform><numerusform>It is used by %n campaigns or newsletters, which will no longer find it:</numerusform></translation>
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
    <message numerus="yes">
        <source>You have %n unsaved draft(s) from an earlier session, kept on this computer. Open the newsletter with the newest one to review and save it.</source>
        <translation><numerusform>You have %n unsaved draft from an earlier session, kept on this computer. Open the newsletter with the newest one to review and save it.</numerusform><numerusform>You have %n unsaved drafts from an earlier session, kept on this computer. Open the newsletter with the newest one to review and save it.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n unsaved draft(s) will be kept on this computer and offered back the next time you open “%1”. They are not in Customer.io until you save them.</source>
        <translation><numerusform>%n unsaved draft will be kept on this computer and offered back the next time you open “%1”. They are not in Customer.io until you save them.</numerusform><numerusform>%n unsaved drafts will be kept on this computer and offered back the next time you open “%1”. They are not in Customer.io until you save them.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Customer.io's list of newsletters lacks %n newsletter(s) that this computer's copy holds, so the sync changed nothing.

If they were deleted in Customer.io, remove them from the local copy too (their unsaved drafts stay). If this is unexpected — another workspace's key, a server problem — keep them and check the workspace settings.</source>
        <translation><numerusform>Customer.io's list of newsletters lacks %n newsletter that this computer's copy holds, so the sync changed nothing.

If they were deleted in Customer.io, remove them from the local copy too (their unsaved drafts stay). If this is unexpected — another workspace's key, a server problem — keep them and check the workspace settings.</numerusform><numerusform>Customer.io's list of newsletters lacks %n newsletters that this computer's copy holds, so the sync changed nothing.

If they were deleted in Customer.io, remove them from the local copy too (their unsaved drafts stay). If this is unexpected — another workspace's key, a server problem — keep them and check the workspace settings.</numerusform></translation>
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
    <message numerus="yes">
        <source>Exported %n file(s) to %1.</source>
        <translation><numerusform>Exported %n file to %1.</numerusform><numerusform>Exported %n files to %1.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Pushed %n translation(s).</source>
        <translation><numerusform>Pushed %n translation.</numerusform><numerusform>Pushed %n translations.</numerusform></translation>
    </message>
</context>
<context>
    <name>cio::ui::PreviewView</name>
    <message numerus="yes">
        <source>%n iframe(s)</source>
        <translation><numerusform>%n iframe</numerusform><numerusform>%n iframes</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n embedded object(s)</source>
        <translation><numerusform>%n embedded object</numerusform><numerusform>%n embedded objects</numerusform></translation>
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
    <name>cio::ui::SegmentDetailPane</name>
    <message numerus="yes">
        <source>%n member(s).</source>
        <translation><numerusform>%n member.</numerusform><numerusform>%n members.</numerusform></translation>
    </message>
</context>
<context>
    <name>cio::ui::SegmentMembersDialog</name>
    <message numerus="yes">
        <source>… and %n more</source>
        <translation><numerusform>… and %n more</numerusform><numerusform>… and %n more</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Add %n Member(s)</source>
        <translation><numerusform>Add %n Member</numerusform><numerusform>Add %n Members</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Remove %n Member(s)</source>
        <translation><numerusform>Remove %n Member</numerusform><numerusform>Remove %n Members</numerusform></translation>
    </message>
</context>
<context>
    <name>cio::ui::SnippetImpactDialog</name>
    <message numerus="yes">
        <source>Saving “%1” changes %n variant(s).</source>
        <translation><numerusform>Saving “%1” changes %n variant.</numerusform><numerusform>Saving “%1” changes %n variants.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>In %n newsletter(s).</source>
        <translation><numerusform>In %n newsletter.</numerusform><numerusform>In %n newsletters.</numerusform></translation>
    </message>
</context>
<context>
    <name>cio::ui::SnippetRenameDialog</name>
    <message numerus="yes">
        <source>%n variant(s) will be rewritten.</source>
        <translation><numerusform>%n variant will be rewritten.</numerusform><numerusform>%n variants will be rewritten.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Used by %n variant(s).</source>
        <translation><numerusform>Used by %n variant.</numerusform><numerusform>Used by %n variants.</numerusform></translation>
    </message>
</context>
<context>
    <name>cio::ui::SnippetsPage</name>
    <message numerus="yes">
        <source>Used by %n variant(s) of the local copy</source>
        <translation><numerusform>Used by %n variant of the local copy</numerusform><numerusform>Used by %n variants of the local copy</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>It is used in %n place(s) of the local copy:</source>
        <translation><numerusform>It is used in %n place of the local copy:</numerusform><numerusform>It is used in %n places of the local copy:</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Renamed “%1” to “%2”; %n variant(s) rewritten.</source>
        <translation><numerusform>Renamed “%1” to “%2”; %n variant rewritten.</numerusform><numerusform>Renamed “%1” to “%2”; %n variants rewritten.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Rewriting %n variant(s)…</source>
        <translation><numerusform>Rewriting %n variant…</numerusform><numerusform>Rewriting %n variants…</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>“%1” has the value and is used by %n variant(s), but “%2” was kept: %3</source>
        <translation><numerusform>“%1” has the value and is used by %n variant, but “%2” was kept: %3</numerusform><numerusform>“%1” has the value and is used by %n variants, but “%2” was kept: %3</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>“%1” was created and is now used by %n variant(s).</source>
        <translation><numerusform>“%1” was created and is now used by %n variant.</numerusform><numerusform>“%1” was created and is now used by %n variants.</numerusform></translation>
    </message>
</context>
<context>
    <name>cio::ui::TranslationExportDialog</name>
    <message numerus="yes">
        <source>%n file(s): %1 units translated, %2 to review, %3 to translate.</source>
        <translation><numerusform>%n file: %1 units translated, %2 to review, %3 to translate.</numerusform><numerusform>%n files: %1 units translated, %2 to review, %3 to translate.</numerusform></translation>
    </message>
</context>
<context>
    <name>cio::ui::TranslationImportDialog</name>
    <message numerus="yes">
        <source>Push %n Variant(s)</source>
        <translation><numerusform>Push %n Variant</numerusform><numerusform>Push %n Variants</numerusform></translation>
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
    <message numerus="yes">
        <source>The quality checks found %n error(s) in this variant. Save it anyway? Otherwise it stays a draft.</source>
        <translation><numerusform>The quality checks found %n error in this variant. Save it anyway? Otherwise it stays a draft.</numerusform><numerusform>The quality checks found %n errors in this variant. Save it anyway? Otherwise it stays a draft.</numerusform></translation>
    </message>
</context>
</TS>
