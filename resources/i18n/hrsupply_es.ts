<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="es" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <location filename="../../src/hrsupply/ui/admin_tabs.py" line="46"/>
        <source>at least 6 digits (an admin: 10 characters or 8 digits); blank keeps it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/admin_tabs.py" line="47"/>
        <source>Active (may sign in)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/admin_tabs.py" line="48"/>
        <location filename="../../src/hrsupply/ui/sign_in.py" line="49"/>
        <source>Username</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/admin_tabs.py" line="49"/>
        <source>Role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/admin_tabs.py" line="50"/>
        <location filename="../../src/hrsupply/ui/sign_in.py" line="50"/>
        <source>PIN or password</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/admin_tabs.py" line="52"/>
        <source>Unlock (let them try their PIN again now)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/admin_tabs.py" line="59"/>
        <source>Front desk and van crew record today&apos;s work; van crew also load out and close out. A supply lead receives, adjusts, counts and orders, and may date entries back to the lock date. An admin manages users and settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/admin_tabs.py" line="103"/>
        <source>{who} may sign in again now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/admin_tabs.py" line="135"/>
        <source>Lock the records before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/admin_tabs.py" line="137"/>
        <source> minutes without use</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/admin_tabs.py" line="138"/>
        <source> hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/admin_tabs.py" line="142"/>
        <location filename="../../src/hrsupply/ui/first_run.py" line="168"/>
        <source>Choose…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/admin_tabs.py" line="147"/>
        <location filename="../../src/hrsupply/ui/program_settings.py" line="59"/>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="187"/>
        <location filename="../../src/hrsupply/ui/widgets.py" line="303"/>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/admin_tabs.py" line="147"/>
        <source>Back up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/admin_tabs.py" line="159"/>
        <source>Lock date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/admin_tabs.py" line="164"/>
        <source>Nobody but an admin may record or correct anything dated before the lock date: set it when a month has been reported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/admin_tabs.py" line="169"/>
        <source>Lock the screen after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/admin_tabs.py" line="170"/>
        <source>Back up every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/admin_tabs.py" line="171"/>
        <location filename="../../src/hrsupply/ui/admin_tabs.py" line="221"/>
        <source>Backup folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/admin_tabs.py" line="176"/>
        <source>Backups of this database are taken while the app is open and when it closes; the newest of each of the last 7 days and of 4 weeks before are kept. Leave the folder blank for a “backups” folder beside the database. Restore with `hrsupply restore FILE`. A PostgreSQL server is backed up on the server (`hrsupply backup` there runs pg_dump).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/admin_tabs.py" line="239"/>
        <source>Saved. The idle lock and backup times apply from the next sign-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/admin_tabs.py" line="244"/>
        <source>Backing up…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/admin_tabs.py" line="249"/>
        <source>Backing up the database…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/admin_tabs.py" line="264"/>
        <location filename="../../src/hrsupply/ui/reports_screen.py" line="82"/>
        <location filename="../../src/hrsupply/ui/stock_screen.py" line="85"/>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="118"/>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="144"/>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/admin_tabs.py" line="265"/>
        <source>Who</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/admin_tabs.py" line="267"/>
        <source>What</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/admin_tabs.py" line="268"/>
        <source>Which</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/admin_tabs.py" line="269"/>
        <source>Changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/admin_tabs.py" line="292"/>
        <source>Everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/admin_tabs.py" line="306"/>
        <source>Who changed an item, a par level, a location, a source, a user or a setting, and from what to what. Who recorded each movement is on its stock card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/code_builder.py" line="17"/>
        <source>Build a participant code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/code_builder.py" line="29"/>
        <location filename="../../src/hrsupply/ui/first_run.py" line="110"/>
        <location filename="../../src/hrsupply/ui/front_desk.py" line="105"/>
        <location filename="../../src/hrsupply/ui/settings_screen.py" line="296"/>
        <source>Code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/code_builder.py" line="40"/>
        <source>The code appears here as the answers are typed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/code_builder.py" line="45"/>
        <source>&lt;b&gt;{code}&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/counts_screen.py" line="48"/>
        <location filename="../../src/hrsupply/ui/front_desk.py" line="47"/>
        <location filename="../../src/hrsupply/ui/receive.py" line="72"/>
        <location filename="../../src/hrsupply/ui/receive.py" line="402"/>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="82"/>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="332"/>
        <location filename="../../src/hrsupply/ui/stock_screen.py" line="54"/>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="37"/>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="120"/>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="146"/>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="197"/>
        <location filename="../../src/hrsupply/ui/van_screen.py" line="52"/>
        <location filename="../../src/hrsupply/ui/van_screen.py" line="143"/>
        <location filename="../../src/hrsupply/ui/van_screen.py" line="213"/>
        <source>Item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/counts_screen.py" line="49"/>
        <location filename="../../src/hrsupply/ui/front_desk.py" line="47"/>
        <location filename="../../src/hrsupply/ui/receive.py" line="76"/>
        <location filename="../../src/hrsupply/ui/receive.py" line="402"/>
        <location filename="../../src/hrsupply/ui/reports_screen.py" line="84"/>
        <location filename="../../src/hrsupply/ui/stock_screen.py" line="87"/>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="39"/>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="121"/>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="201"/>
        <location filename="../../src/hrsupply/ui/van_screen.py" line="56"/>
        <location filename="../../src/hrsupply/ui/van_screen.py" line="144"/>
        <source>Lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/counts_screen.py" line="50"/>
        <location filename="../../src/hrsupply/ui/receive.py" line="77"/>
        <location filename="../../src/hrsupply/ui/receive.py" line="402"/>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="35"/>
        <location filename="../../src/hrsupply/ui/van_screen.py" line="57"/>
        <location filename="../../src/hrsupply/ui/van_screen.py" line="145"/>
        <source>Expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/counts_screen.py" line="51"/>
        <location filename="../../src/hrsupply/ui/van_screen.py" line="146"/>
        <location filename="../../src/hrsupply/ui/van_screen.py" line="218"/>
        <source>Expected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/counts_screen.py" line="52"/>
        <location filename="../../src/hrsupply/ui/van_screen.py" line="147"/>
        <location filename="../../src/hrsupply/ui/van_screen.py" line="219"/>
        <source>Counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/counts_screen.py" line="53"/>
        <source>Difference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/counts_screen.py" line="54"/>
        <location filename="../../src/hrsupply/ui/reports_screen.py" line="87"/>
        <location filename="../../src/hrsupply/ui/stock_screen.py" line="91"/>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="202"/>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/counts_screen.py" line="156"/>
        <source>Choose items to count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/counts_screen.py" line="158"/>
        <location filename="../../src/hrsupply/ui/settings_screen.py" line="92"/>
        <source>Find an item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/counts_screen.py" line="194"/>
        <location filename="../../src/hrsupply/ui/pdf_preview.py" line="108"/>
        <location filename="../../src/hrsupply/ui/program_report_tab.py" line="82"/>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="382"/>
        <location filename="../../src/hrsupply/ui/van_screen.py" line="354"/>
        <source>hrsupply-</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/counts_screen.py" line="201"/>
        <source>Blind (counters do not see expected figures)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/counts_screen.py" line="202"/>
        <source>Start count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/counts_screen.py" line="204"/>
        <source>Count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/counts_screen.py" line="204"/>
        <source>of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/counts_screen.py" line="214"/>
        <source>Start a count, or pick one on the left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/counts_screen.py" line="221"/>
        <source>Review: show only lines that differ or are not counted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/counts_screen.py" line="223"/>
        <source>Lot (lot-tracked items)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/counts_screen.py" line="225"/>
        <source>Only used for a lot this program has not seen before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/counts_screen.py" line="226"/>
        <source>Print count sheet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/counts_screen.py" line="227"/>
        <source>Post count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/counts_screen.py" line="228"/>
        <source>Discard count</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/counts_screen.py" line="233"/>
        <source>new lot expires</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/counts_screen.py" line="263"/>
        <source>No item matches {text!r}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/counts_screen.py" line="285"/>
        <source>Category: {category}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/counts_screen.py" line="406"/>
        <source>Count {count_id} started: print the sheet, or type the figures here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/counts_screen.py" line="417"/>
        <source>Added {match_item_name}: type what you counted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/counts_screen.py" line="436"/>
        <source>Start a count first, or pick one on the left.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/counts_screen.py" line="447"/>
        <source>Preparing the count sheet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/counts_screen.py" line="458"/>
        <location filename="../../src/hrsupply/ui/counts_screen.py" line="484"/>
        <source>Counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/counts_screen.py" line="460"/>
        <source>Post count {count_id}? {differ} line(s) differ from the records and will be set to what was counted. {blank} line(s) were not counted and keep their stock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/counts_screen.py" line="470"/>
        <source>Posted count {count_id}: {posted_lines} line(s) counted, {posted_differences} corrected, {posted_not_counted} left as they were.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/counts_screen.py" line="484"/>
        <source>Discard count {count_id}? Nothing will be posted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/counts_screen.py" line="491"/>
        <source>Count {count_id} discarded.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/error_dialog.py" line="19"/>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/export_buttons.py" line="34"/>
        <location filename="../../src/hrsupply/ui/program_report_tab.py" line="93"/>
        <source>Export to Excel…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/export_buttons.py" line="34"/>
        <location filename="../../src/hrsupply/ui/program_report_tab.py" line="94"/>
        <source>Print or save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/export_buttons.py" line="44"/>
        <location filename="../../src/hrsupply/ui/program_report_tab.py" line="151"/>
        <source>Export</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/export_buttons.py" line="66"/>
        <source>Writing {path}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/export_buttons.py" line="79"/>
        <source>Writing {name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/export_buttons.py" line="90"/>
        <source>Saved {path}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/export_buttons.py" line="94"/>
        <source>Could not save: {exc}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/first_run.py" line="75"/>
        <source>Saving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/first_run.py" line="86"/>
        <source>e.g. Eastside Harm Reduction</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/first_run.py" line="87"/>
        <source>Program name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/first_run.py" line="110"/>
        <location filename="../../src/hrsupply/ui/settings_screen.py" line="116"/>
        <location filename="../../src/hrsupply/ui/settings_screen.py" line="297"/>
        <location filename="../../src/hrsupply/ui/settings_screen.py" line="332"/>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/first_run.py" line="110"/>
        <source>Kind (site, van, other)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/first_run.py" line="116"/>
        <source>Add a location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/first_run.py" line="116"/>
        <location filename="../../src/hrsupply/ui/settings_screen.py" line="46"/>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/first_run.py" line="160"/>
        <source>Start from the starter catalog: {n} common supplies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/first_run.py" line="161"/>
        <source>Import a spreadsheet (.xlsx: Items, Locations, Par, Movements sheets)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/first_run.py" line="162"/>
        <source>Start empty, and add items in Settings → Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/first_run.py" line="167"/>
        <source>the workbook to import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/first_run.py" line="188"/>
        <location filename="../../src/hrsupply/ui/import_dialog.py" line="55"/>
        <location filename="../../src/hrsupply/ui/import_dialog.py" line="122"/>
        <source>Import a spreadsheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/first_run.py" line="188"/>
        <location filename="../../src/hrsupply/ui/import_dialog.py" line="122"/>
        <location filename="../../src/hrsupply/ui/import_dialog.py" line="249"/>
        <location filename="../../src/hrsupply/ui/program_report_tab.py" line="151"/>
        <source>Excel workbook (*.xlsx)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/first_run.py" line="220"/>
        <source>Your opening stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/first_run.py" line="225"/>
        <source>Last, count what is on your shelves, so the records start from what is there: open Counts, choose a location and Start count, print the count sheet if you like, type each figure and Post count. Do it for each location (a van&apos;s load can wait for its first load-out). Home reminds you of the next step until there is stock.

Then add the people who will use the app (Settings → Users): front desk, van crew and supply lead, each with a PIN.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/first_run.py" line="240"/>
        <source>Set up hrsupply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/front_desk.py" line="47"/>
        <location filename="../../src/hrsupply/ui/reports_screen.py" line="85"/>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="200"/>
        <source>Quantity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/front_desk.py" line="104"/>
        <location filename="../../src/hrsupply/ui/front_desk.py" line="277"/>
        <source>Time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/front_desk.py" line="106"/>
        <location filename="../../src/hrsupply/ui/tally_entry.py" line="129"/>
        <location filename="../../src/hrsupply/ui/van_screen.py" line="216"/>
        <source>Handed out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/front_desk.py" line="107"/>
        <location filename="../../src/hrsupply/ui/van_screen.py" line="221"/>
        <source>Returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/front_desk.py" line="108"/>
        <source>Naloxone reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/front_desk.py" line="109"/>
        <source>Reversals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/front_desk.py" line="110"/>
        <location filename="../../src/hrsupply/ui/receive.py" line="368"/>
        <location filename="../../src/hrsupply/ui/stock_screen.py" line="93"/>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="150"/>
        <source>By</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/front_desk.py" line="169"/>
        <source>Where these visits are recorded: click, or Ctrl+Shift+L, to change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/front_desk.py" line="185"/>
        <source>Participant code, Enter  ·  F2 anonymous  ·  Ctrl+B build a code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/front_desk.py" line="199"/>
        <source>Item name, SKU or scan; a quantity may come first: 20 syr</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/front_desk.py" line="220"/>
        <source>estimated</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/front_desk.py" line="222"/>
        <source>estimate from a sharps container…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/front_desk.py" line="237"/>
        <source>Save visit  (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/front_desk.py" line="247"/>
        <source>Undo selected visit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/front_desk.py" line="252"/>
        <source>Tally sheet…  (Ctrl+T)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/front_desk.py" line="275"/>
        <source>Location (Ctrl+Shift+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/front_desk.py" line="284"/>
        <source>Returns, naloxone, referrals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/front_desk.py" line="299"/>
        <source>Re&amp;ferrals made  (Alt+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/front_desk.py" line="451"/>
        <location filename="../../src/hrsupply/ui/front_desk.py" line="489"/>
        <source>Anonymous walk-in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/front_desk.py" line="472"/>
        <source>&lt;b style=&apos;color:#a4262c&apos;&gt;New code {match_code}&lt;/b&gt;: never seen before. Check the spelling with the participant.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/front_desk.py" line="503"/>
        <source>No earlier visit for this code.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/front_desk.py" line="539"/>
        <source>No item matches “{text}”: type part of its name or SKU, or scan it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/front_desk.py" line="578"/>
        <source>This item has no lots in stock here; it is handed out without one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/front_desk.py" line="593"/>
        <source>Expired lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/front_desk.py" line="594"/>
        <source>Lot {picked_lot} expired on {picked_expiry:%Y-%m-%d}.
Hand out from it anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/front_desk.py" line="646"/>
        <source>Nothing to save yet: add an item, a return or a referral.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/front_desk.py" line="668"/>
        <source>Saving the visit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/front_desk.py" line="674"/>
        <source>Saved: visit for {who} at {form_occurred_at:%H:%M}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/front_desk.py" line="719"/>
        <source>Select a visit in today&apos;s list first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/front_desk.py" line="723"/>
        <source>That visit was already undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/front_desk.py" line="729"/>
        <source>Undo visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/front_desk.py" line="731"/>
        <source>Undo the {row_occurred_at:%H:%M} visit ({x})?

{summary}

The visit stays in the records, marked undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/front_desk.py" line="739"/>
        <source>Visit undone.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/front_desk.py" line="750"/>
        <source>Tally sheet saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/front_desk.py" line="762"/>
        <source>&lt;b&gt;Today here&lt;/b&gt;: {x} · {x2} · {x3} out · {t_syringes_returned:,} returned · {x4}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/home_screen.py" line="60"/>
        <source>&lt;b&gt;{x}&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/home_screen.py" line="201"/>
        <source>Open Reports</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/home_screen.py" line="246"/>
        <source>&lt;b&gt;Lots expired or expiring within {board_expiry_window_days} days&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/import_dialog.py" line="59"/>
        <source>Workbook file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/import_dialog.py" line="60"/>
        <source>an .xlsx workbook with Items, Locations, Par or Movements sheets</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/import_dialog.py" line="61"/>
        <source>&amp;Choose file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/import_dialog.py" line="63"/>
        <source>&amp;Leave out rows already in the records (an export imported again)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/import_dialog.py" line="65"/>
        <source>C&amp;heck the file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/import_dialog.py" line="67"/>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/import_dialog.py" line="71"/>
        <source>Nothing read yet: choose a workbook, then check it. Nothing is written until Import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/import_dialog.py" line="75"/>
        <source>Sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/import_dialog.py" line="75"/>
        <source>Row</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/import_dialog.py" line="75"/>
        <source>Column</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/import_dialog.py" line="75"/>
        <source>What is wrong</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/import_dialog.py" line="76"/>
        <source>Problems found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/import_dialog.py" line="80"/>
        <source>Cop&amp;y problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/import_dialog.py" line="80"/>
        <source>&amp;Save problems…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/import_dialog.py" line="83"/>
        <location filename="../../src/hrsupply/ui/pdf_preview.py" line="61"/>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/import_dialog.py" line="87"/>
        <location filename="../../src/hrsupply/ui/main_window.py" line="166"/>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/import_dialog.py" line="102"/>
        <source>A workbook is imported whole or not at all. Sheets: Items, Locations, Par, Movements (headers in row 1, any order). Check it first: every problem is listed by sheet, row and column.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/import_dialog.py" line="138"/>
        <source>Choose a workbook first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/import_dialog.py" line="148"/>
        <source>Checking {path_name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/import_dialog.py" line="159"/>
        <source>&lt;b&gt;{found:,} problem(s): nothing can be imported.&lt;/b&gt; It holds {said}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/import_dialog.py" line="164"/>
        <source>&lt;b&gt;Ready to import&lt;/b&gt; {said}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/import_dialog.py" line="172"/>
        <source>&lt;b&gt;Nothing was imported.&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/import_dialog.py" line="186"/>
        <source>Importing {prepared_path_name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/import_dialog.py" line="193"/>
        <source>&lt;b&gt;Imported&lt;/b&gt; {x}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/import_dialog.py" line="194"/>
        <source>Imported. Every screen shows it now.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/import_dialog.py" line="219"/>
        <source>Copied {x:,} problem(s).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/import_dialog.py" line="223"/>
        <source>Save the problems</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/import_dialog.py" line="223"/>
        <source>CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/import_dialog.py" line="242"/>
        <source>Saved {target}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/import_dialog.py" line="249"/>
        <source>Export everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/import_dialog.py" line="268"/>
        <location filename="../../src/hrsupply/ui/program_report_tab.py" line="173"/>
        <source>Writing {path_name}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/main_window.py" line="104"/>
        <source>hrsupply{title_suffix}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/main_window.py" line="134"/>
        <source>Lock  (Ctrl+L)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/main_window.py" line="139"/>
        <source>Signed in as {account_username} ({account_role_label}) · database {x}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/main_window.py" line="258"/>
        <source>Backed up to {made_path}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/main_window.py" line="263"/>
        <source>Backup failed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/main_window.py" line="264"/>
        <source>The automatic backup failed: {exc}
Check the backup folder in Settings → Program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/ops.py" line="172"/>
        <source>hrsupply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/pdf_preview.py" line="59"/>
        <source>Print…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/pdf_preview.py" line="60"/>
        <source>Save as PDF…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/pdf_preview.py" line="67"/>
        <source>{n} page{x}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/pdf_preview.py" line="95"/>
        <source>Save as PDF</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/pdf_preview.py" line="95"/>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/period.py" line="24"/>
        <source>All locations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/program_report_tab.py" line="137"/>
        <source>&lt;b&gt;Program report&lt;/b&gt; · {report_place} · {report_period}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/program_report_tab.py" line="164"/>
        <source>The figures are not there yet: pick a period first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/program_report_tab.py" line="179"/>
        <source>Saved {written}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/program_settings.py" line="64"/>
        <source>Saved. Every workstation uses it from now on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/program_settings.py" line="73"/>
        <source>printed under the name on every sheet (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/program_settings.py" line="74"/>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="62"/>
        <source> days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/program_settings.py" line="75"/>
        <location filename="../../src/hrsupply/ui/program_settings.py" line="76"/>
        <location filename="../../src/hrsupply/ui/program_settings.py" line="77"/>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="152"/>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="153"/>
        <source> months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/program_settings.py" line="80"/>
        <source>Show 1 to 4 participants as “&lt;5” in reports sent outside</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/program_settings.py" line="87"/>
        <source>Program &amp;name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/program_settings.py" line="88"/>
        <source>&amp;Address</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/program_settings.py" line="89"/>
        <source>Lots count as &amp;expiring within</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/program_settings.py" line="90"/>
        <source>Reorder: average use over the &amp;last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/program_settings.py" line="91"/>
        <source>Reorder: order up to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/program_settings.py" line="92"/>
        <source>Overstocked above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/program_settings.py" line="95"/>
        <source>&amp;Language</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/program_settings.py" line="96"/>
        <source>&amp;Text size</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/program_settings.py" line="101"/>
        <source>&lt;b&gt;The program&lt;/b&gt; (every workstation)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/program_settings.py" line="103"/>
        <source>&lt;b&gt;This workstation&lt;/b&gt; (from the next start)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/program_settings.py" line="148"/>
        <source>The program needs a name: it heads every printed sheet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/program_settings.py" line="163"/>
        <source>Participant code: the questions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/program_settings.py" line="167"/>
        <source>Presets (F5–F8)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/program_settings.py" line="170"/>
        <source>Sharps containers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/program_settings.py" line="171"/>
        <source>Referrals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/program_settings.py" line="172"/>
        <source>Naloxone reasons</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/program_settings.py" line="196"/>
        <source>A participant&apos;s code is built from answers only they know; the answers are never kept. Changing the questions changes every new code: returning participants get a new one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/program_settings.py" line="278"/>
        <source>Example: {exc}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/program_settings.py" line="281"/>
        <source>Example: {said} → &lt;b&gt;{code}&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/receive.py" line="73"/>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="333"/>
        <location filename="../../src/hrsupply/ui/van_screen.py" line="53"/>
        <source>Pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/receive.py" line="74"/>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="334"/>
        <source>Packs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/receive.py" line="75"/>
        <location filename="../../src/hrsupply/ui/receive.py" line="367"/>
        <location filename="../../src/hrsupply/ui/receive.py" line="390"/>
        <location filename="../../src/hrsupply/ui/receive.py" line="402"/>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="96"/>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="335"/>
        <source>Units</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/receive.py" line="85"/>
        <source>Receiving what was ordered fills the lines with what is still due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/receive.py" line="87"/>
        <source>Packing slip or order number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/receive.py" line="104"/>
        <source>Receive  (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/receive.py" line="105"/>
        <source>Remove line  (Delete)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/receive.py" line="111"/>
        <source>Against order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/receive.py" line="112"/>
        <location filename="../../src/hrsupply/ui/receive.py" line="362"/>
        <location filename="../../src/hrsupply/ui/receive.py" line="390"/>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="97"/>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="297"/>
        <source>Source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/receive.py" line="113"/>
        <location filename="../../src/hrsupply/ui/receive.py" line="364"/>
        <location filename="../../src/hrsupply/ui/reports_screen.py" line="88"/>
        <location filename="../../src/hrsupply/ui/stock_screen.py" line="92"/>
        <source>Reference</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/receive.py" line="114"/>
        <source>Date received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/receive.py" line="115"/>
        <source>Received at</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/receive.py" line="131"/>
        <source>No single item matches “{text}”: type more of its name, or scan again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/receive.py" line="164"/>
        <source>— none: a delivery nobody ordered, a donation —</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/receive.py" line="167"/>
        <source>{o_number} · {o_source} · {o_status} · {o_due:,} units due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/receive.py" line="205"/>
        <source>{form_reference}: {n} lines still due. Change the counts to what arrived; a line that did not come can be removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/receive.py" line="224"/>
        <source>single {item_unit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/receive.py" line="226"/>
        <source>{p_name} of {p_units:,}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/receive.py" line="233"/>
        <source>lot number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/receive.py" line="235"/>
        <source>YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/receive.py" line="330"/>
        <source>Add a source first (Settings → Sources): where deliveries come from.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/receive.py" line="346"/>
        <source>Receiving…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/receive.py" line="361"/>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/receive.py" line="363"/>
        <location filename="../../src/hrsupply/ui/receive.py" line="390"/>
        <location filename="../../src/hrsupply/ui/settings_screen.py" line="298"/>
        <location filename="../../src/hrsupply/ui/settings_screen.py" line="333"/>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/receive.py" line="365"/>
        <location filename="../../src/hrsupply/ui/reports_screen.py" line="120"/>
        <location filename="../../src/hrsupply/ui/stock_screen.py" line="57"/>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="40"/>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="119"/>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="145"/>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="196"/>
        <location filename="../../src/hrsupply/ui/tally_entry.py" line="111"/>
        <source>Location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/receive.py" line="366"/>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="301"/>
        <source>Lines</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/receive.py" line="390"/>
        <source>Receipts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/receive.py" line="402"/>
        <location filename="../../src/hrsupply/ui/settings_screen.py" line="115"/>
        <location filename="../../src/hrsupply/ui/stock_screen.py" line="55"/>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="38"/>
        <source>SKU</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/receive.py" line="430"/>
        <location filename="../../src/hrsupply/ui/reports_screen.py" line="122"/>
        <location filename="../../src/hrsupply/ui/van_screen.py" line="316"/>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/receive.py" line="432"/>
        <location filename="../../src/hrsupply/ui/reports_screen.py" line="124"/>
        <location filename="../../src/hrsupply/ui/van_screen.py" line="316"/>
        <source>to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/receive.py" line="443"/>
        <source>&lt;b&gt;Totals by source&lt;/b&gt; (donated, purchased and state-allocated, for funders)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="83"/>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="296"/>
        <location filename="../../src/hrsupply/ui/stock_screen.py" line="64"/>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="84"/>
        <source>On hand
(usable)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="85"/>
        <source>Expired
/ soon</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="86"/>
        <source>On
order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="87"/>
        <source>Used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="88"/>
        <source>Days
out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="89"/>
        <source>AMC</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="90"/>
        <source>Months
of stock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="91"/>
        <source>Min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="92"/>
        <location filename="../../src/hrsupply/ui/stock_screen.py" line="62"/>
        <location filename="../../src/hrsupply/ui/van_screen.py" line="54"/>
        <source>Par</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="93"/>
        <source>Target</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="94"/>
        <source>Order
pack</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="95"/>
        <source>Packs
to order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="155"/>
        <source>Only what to order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="160"/>
        <source>For</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="162"/>
        <source>Use over the last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="164"/>
        <source>Order up to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="181"/>
        <source>Create draft orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="185"/>
        <source>No default source:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="193"/>
        <source>AMC: average monthly use, corrected for the days the item was out. Target: the highest of par, minimum and months of stock × AMC. Suggested packs bring on hand plus on order up to the target; change them before drafting orders. Kits assembled here are not ordered.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="252"/>
        <source>{n} items · {urgent} stocked out or below minimum · {n2} to order · {view_use_label} since {x:%Y-%m-%d}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="286"/>
        <source>Drafted {n} order{x}: {x2}. Check and send them on the Purchase orders tab.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="295"/>
        <source>Order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="298"/>
        <source>Deliver to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="299"/>
        <source>Created</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="300"/>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="302"/>
        <source>Ordered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="303"/>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="336"/>
        <source>Received</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="304"/>
        <source>Due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="337"/>
        <source>Still due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="383"/>
        <source>Show received and closed orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="386"/>
        <source>New draft order</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="390"/>
        <source>New order to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="392"/>
        <source>deliver to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="399"/>
        <source>Select an order to see its lines.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="406"/>
        <source>Mark sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="407"/>
        <source>Receive against this order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="408"/>
        <source>Print order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="409"/>
        <source>Close: the rest will not come</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="410"/>
        <source>Delete draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="436"/>
        <source>No single item matches {text!r}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="542"/>
        <source>Add a source and a site in Settings first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="548"/>
        <source>{x} drafted: add its items below.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="598"/>
        <source>Preparing the order…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="609"/>
        <source>Suggestions</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reorder_screen.py" line="610"/>
        <source>Purchase orders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reports_screen.py" line="83"/>
        <location filename="../../src/hrsupply/ui/stock_screen.py" line="86"/>
        <source>Type</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reports_screen.py" line="86"/>
        <source>Other location</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reports_screen.py" line="89"/>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="123"/>
        <source>Recorded by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reports_screen.py" line="133"/>
        <source>Double-click a figure to see the movements behind it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reports_screen.py" line="149"/>
        <source>Closing = opening + received + transferred in − handed out − transferred out − disposed ± adjusted ± count variance. A count variance (red) is what a count found that the records do not explain.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reports_screen.py" line="190"/>
        <source>{x} is a balance: the Stock screen&apos;s stock card shows how it built up.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reports_screen.py" line="205"/>
        <source>&lt;b&gt;{x}&lt;/b&gt; · {line_name} at {line_location}: {n} movement{x2}, together {x3:,}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reports_screen.py" line="235"/>
        <source>Program report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/reports_screen.py" line="236"/>
        <location filename="../../src/hrsupply/ui/van_screen.py" line="337"/>
        <source>Reconciliation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/screen.py" line="56"/>
        <source>Check the figure</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/screen.py" line="57"/>
        <source>{what}: {x:,} units in one go. Is that right?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/settings_screen.py" line="46"/>
        <source>Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/settings_screen.py" line="94"/>
        <source>New item</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/settings_screen.py" line="102"/>
        <source>Active (offered on entry screens)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/settings_screen.py" line="102"/>
        <source>Lot-tracked</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/settings_screen.py" line="103"/>
        <source>program-wide reorder point (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/settings_screen.py" line="104"/>
        <source>e.g. 200</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/settings_screen.py" line="105"/>
        <source>e.g. 7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/settings_screen.py" line="107"/>
        <source>a pack size&apos;s name, e.g. case (blank: single units)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/settings_screen.py" line="108"/>
        <source>naloxone only: doses in one unit, e.g. 2 for a 2-dose kit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/settings_screen.py" line="111"/>
        <source>per</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/settings_screen.py" line="113"/>
        <source>days (advice only: never blocks a handout)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/settings_screen.py" line="117"/>
        <location filename="../../src/hrsupply/ui/stock_screen.py" line="56"/>
        <location filename="../../src/hrsupply/ui/stock_screen.py" line="175"/>
        <source>Category</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/settings_screen.py" line="118"/>
        <source>Base unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/settings_screen.py" line="121"/>
        <source>Reorder point</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/settings_screen.py" line="122"/>
        <source>Handout limit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/settings_screen.py" line="123"/>
        <source>Default source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/settings_screen.py" line="124"/>
        <source>Ordered in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/settings_screen.py" line="125"/>
        <source>Naloxone doses</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/settings_screen.py" line="126"/>
        <source>Pack sizes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/settings_screen.py" line="127"/>
        <source>Barcodes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/settings_screen.py" line="128"/>
        <source>Par levels</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/settings_screen.py" line="129"/>
        <source>Kit components (makes this item a kit)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/settings_screen.py" line="133"/>
        <source>Save item  (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/settings_screen.py" line="276"/>
        <source>Saved {form_name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/settings_screen.py" line="330"/>
        <source>Active (offered when receiving)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/settings_screen.py" line="371"/>
        <source>Items</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/settings_screen.py" line="372"/>
        <source>Locations</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/settings_screen.py" line="373"/>
        <source>Sources</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/settings_screen.py" line="378"/>
        <source>Program</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/settings_screen.py" line="379"/>
        <source>Front desk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/settings_screen.py" line="381"/>
        <source>Users</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/settings_screen.py" line="382"/>
        <source>Safety and backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/settings_screen.py" line="383"/>
        <source>Audit log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/sign_in.py" line="44"/>
        <source>hrsupply — {title}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/sign_in.py" line="78"/>
        <source>Again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/sign_in.py" line="83"/>
        <source>The two PINs differ; type them again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/sign_in.py" line="131"/>
        <source>Unlock</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/sign_in.py" line="133"/>
        <source>Sign in as someone else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/sign_in.py" line="140"/>
        <source>&lt;h2&gt;Locked&lt;/h2&gt;Signed in as &lt;b&gt;{account_username}&lt;/b&gt; ({account_role_label}). Type your PIN to carry on where you left off.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/sign_in.py" line="163"/>
        <source>Too many wrong PINs for {account_username}: try again after {exc_until:%H:%M}, ask an admin to unlock, or sign in as someone else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/sign_in.py" line="169"/>
        <source>That is not {account_username}&apos;s PIN. Try again, or sign in as someone else.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/stock_screen.py" line="58"/>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="41"/>
        <source>On hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/stock_screen.py" line="59"/>
        <source>Expired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/stock_screen.py" line="60"/>
        <source>Unit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/stock_screen.py" line="61"/>
        <source>Minimum</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/stock_screen.py" line="63"/>
        <source>Next expiry</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/stock_screen.py" line="88"/>
        <source>Change</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/stock_screen.py" line="89"/>
        <source>Balance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/stock_screen.py" line="90"/>
        <source>From / to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/stock_screen.py" line="164"/>
        <source>Search name, SKU or scan a barcode  (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/stock_screen.py" line="177"/>
        <source>Show</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/stock_screen.py" line="182"/>
        <location filename="../../src/hrsupply/ui/stock_screen.py" line="249"/>
        <source>Select a row to see its stock card.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/stock_screen.py" line="190"/>
        <source>Reverse selected line…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/stock_screen.py" line="191"/>
        <source>Correct a mistaken movement: its opposite is recorded, with your reason</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/stock_screen.py" line="252"/>
        <source>{n} item-location rows · {flagged} need attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/stock_screen.py" line="293"/>
        <source>&lt;b&gt;Stock card&lt;/b&gt;: {row_name} ({row_sku}) at {row_location} — {row_quantity:,} {row_unit} on hand</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/stock_screen.py" line="316"/>
        <source>Select a line on the stock card first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/stock_screen.py" line="327"/>
        <source>Reversed: {line_type} of {line_change:+,} ({reason}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="36"/>
        <source>Days left</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="65"/>
        <source>Dispose of the selected expired lot</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="68"/>
        <source>Expired, or expiring within</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="99"/>
        <source>Select an expired lot first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="108"/>
        <source>Disposed of {units:,} of {row_name}, lot {row_lot}, at {row_location} (expired).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="122"/>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="147"/>
        <source>Found</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="124"/>
        <source>Participant code</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="148"/>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="149"/>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="203"/>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="180"/>
        <source>No item chosen.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="181"/>
        <source>Adjust</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="182"/>
        <source>Dispose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="186"/>
        <source>What happened (required for “other”)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="208"/>
        <source>Note for the record (required to reverse)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="209"/>
        <source>Keep (stock was there)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="210"/>
        <source>Reverse the adjustment</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="217"/>
        <source>&lt;b&gt;Adjust or dispose&lt;/b&gt; — a negative adjustment takes stock away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="223"/>
        <source>&lt;b&gt;Flagged for review&lt;/b&gt; — handouts recorded when the records showed too little stock; the front desk added the difference as “found”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="233"/>
        <source>&lt;b&gt;Reviewed in the last 7 days&lt;/b&gt; — kept, reversed, or reversed with an undone visit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="238"/>
        <source>No single item matches “{t}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="266"/>
        <source>{match_item_name} ({match_item_sku}), in {match_item_unit}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="280"/>
        <source>earliest expiry first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="287"/>
        <source>{lot_lot} (expires {lot_expiry:%Y-%m-%d}, {lot_quantity:,} here)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="302"/>
        <source>Choose an item first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="351"/>
        <source>Select a flagged adjustment first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="357"/>
        <source>Reviewed: {row_name} at {row_location} {x}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="382"/>
        <source>Assemble</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="383"/>
        <source>Break down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="386"/>
        <source>Kit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="387"/>
        <source>At</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="388"/>
        <source>How many kits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="389"/>
        <source>Made of</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="418"/>
        <source>No kits yet: give an item its components in Settings → Items.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="440"/>
        <source>There is no kit to choose yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="467"/>
        <source>Print labels…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="470"/>
        <source>Copies of each label</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="471"/>
        <source>Labels already used on the sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="473"/>
        <source>Tick the labels to print (Avery 5160 / 8160, US Letter, 30 per sheet).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="474"/>
        <source>Tick all</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="474"/>
        <source>Tick none</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="520"/>
        <source>Tick at least one label.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="527"/>
        <source>{pages} sheet{x} of labels ready to print.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/supply_out.py" line="535"/>
        <source>Writing the labels…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/tally_entry.py" line="76"/>
        <source>Tally sheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/tally_entry.py" line="86"/>
        <source>Print a blank sheet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/tally_entry.py" line="104"/>
        <source>Save tallies  (Ctrl+Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/tally_entry.py" line="113"/>
        <source>Shift date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/tally_entry.py" line="116"/>
        <source>Visits, returns, naloxone, referrals</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/tally_entry.py" line="118"/>
        <source>Visits</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/tally_entry.py" line="119"/>
        <source>Used syringes returned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/tally_entry.py" line="120"/>
        <source>Overdose reversals reported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/tally_entry.py" line="122"/>
        <source>Naloxone refill: {reason}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/tally_entry.py" line="124"/>
        <source>Referral: {name}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/tally_entry.py" line="181"/>
        <source>Saved {n} visits from the tally sheet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/tally_entry.py" line="203"/>
        <source>Tally sheet saved to {target}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/tally_entry.py" line="207"/>
        <source>Writing the tally sheet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/van_screen.py" line="55"/>
        <source>On van</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/van_screen.py" line="58"/>
        <source>At site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/van_screen.py" line="59"/>
        <source>Take</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/van_screen.py" line="60"/>
        <source>Short</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/van_screen.py" line="148"/>
        <source>Return to site</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/van_screen.py" line="149"/>
        <location filename="../../src/hrsupply/ui/van_screen.py" line="223"/>
        <source>Why it differs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/van_screen.py" line="214"/>
        <source>Start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/van_screen.py" line="215"/>
        <source>Loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/van_screen.py" line="217"/>
        <source>Adjusted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/van_screen.py" line="220"/>
        <source>Variance</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/van_screen.py" line="222"/>
        <source>End</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/van_screen.py" line="259"/>
        <source>Crew names (printed on the sheet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/van_screen.py" line="271"/>
        <source>Print load-out sheet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/van_screen.py" line="272"/>
        <location filename="../../src/hrsupply/ui/van_screen.py" line="450"/>
        <source>Confirm loaded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/van_screen.py" line="283"/>
        <source>To load = par − on the van, capped by what the site has; lots earliest expiry first. Change “Take” to take more, less, or another lot.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/van_screen.py" line="296"/>
        <source>Blind count (hide what the records expect)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/van_screen.py" line="297"/>
        <source>Save close-out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/van_screen.py" line="304"/>
        <source>A line left blank is not counted and keeps its stock.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/van_screen.py" line="313"/>
        <source>Print reconciliation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/van_screen.py" line="328"/>
        <source>Reprint the selected load-out / reconcile the selected close-out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/van_screen.py" line="335"/>
        <source>Load-out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/van_screen.py" line="336"/>
        <source>Close-out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/van_screen.py" line="338"/>
        <source>History</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/van_screen.py" line="377"/>
        <source>Add a van and a site in Settings first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/van_screen.py" line="430"/>
        <source>Preparing the {x}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/van_screen.py" line="440"/>
        <source>Nothing to load: every line is 0.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/van_screen.py" line="456"/>
        <source>Loaded: load-out {made} moved to {van_name}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/van_screen.py" line="467"/>
        <source>Type the counted quantity of at least one line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/van_screen.py" line="475"/>
        <source>Close-out saved: see the Reconciliation tab for the shift.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/van_screen.py" line="556"/>
        <source>Load-out sheet (reprint)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/widgets.py" line="303"/>
        <source>New</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <location filename="../../src/hrsupply/ui/widgets.py" line="346"/>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
