<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en">
  <context>
    <name>AccountsView</name>
    <message numerus="yes">
      <source>The desk logs out after %n minute(s) without activity.</source>
      <translation>
        <numerusform>The desk logs out after %n minute without activity.</numerusform>
        <numerusform>The desk logs out after %n minutes without activity.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ActivityView</name>
    <message numerus="yes">
      <source>%Ln change(s) recorded.</source>
      <translation>
        <numerusform>%Ln change recorded.</numerusform>
        <numerusform>%Ln changes recorded.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>BookingCalendar</name>
    <message numerus="yes">
      <source>+%n more</source>
      <translation>
        <numerusform>+%n more</numerusform>
        <numerusform>+%n more</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%1: %n pick-up(s) or return(s)</source>
      <translation>
        <numerusform>%1: %n pick-up or return</numerusform>
        <numerusform>%1: %n pick-ups or returns</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>BookingEditor</name>
    <message numerus="yes">
      <source>%n line(s)</source>
      <translation>
        <numerusform>%n line</numerusform>
        <numerusform>%n lines</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n piece(s)</source>
      <translation>
        <numerusform>%n piece</numerusform>
        <numerusform>%n pieces</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Added %n × %1 (%2): %3 on the line.</source>
      <translation>
        <numerusform>Added %n × %1 (%2): %3 on the line.</numerusform>
        <numerusform>Added %n × %1 (%2): %3 on the line.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>BookingsScreen</name>
    <message numerus="yes">
      <source>%n bookings match: choose one with the arrows, then Enter.</source>
      <translation>
        <numerusform>%n booking matches: choose it with the arrows, then Enter.</numerusform>
        <numerusform>%n bookings match: choose one with the arrows, then Enter.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln booking(s)</source>
      <translation>
        <numerusform>%Ln booking</numerusform>
        <numerusform>%Ln bookings</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln booking(s) and more: counting…</source>
      <translation>
        <numerusform>%Ln booking and more: counting…</numerusform>
        <numerusform>%Ln bookings and more: counting…</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>CasesScreen</name>
    <message numerus="yes">
      <source>Taken out: %n unit(s).</source>
      <translation>
        <numerusform>Taken out: %n unit.</numerusform>
        <numerusform>Taken out: %n units.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>CustomersScreen</name>
    <message numerus="yes">
      <source>%Ln customer(s)</source>
      <translation>
        <numerusform>%Ln customer</numerusform>
        <numerusform>%Ln customers</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>DeskLogin</name>
    <message numerus="yes">
      <source>Logged out after %n minute(s) without activity.</source>
      <translation>
        <numerusform>Logged out after %n minute without activity.</numerusform>
        <numerusform>Logged out after %n minutes without activity.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>DeskScreen</name>
    <message numerus="yes">
      <source>%n still out</source>
      <translation>
        <numerusform>%n still out</numerusform>
        <numerusform>%n still out</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n damaged</source>
      <translation>
        <numerusform>%n damaged</numerusform>
        <numerusform>%n damaged</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n missing</source>
      <translation>
        <numerusform>%n missing</numerusform>
        <numerusform>%n missing</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n scan(s) pending</source>
      <translation>
        <numerusform>%n scan pending</numerusform>
        <numerusform>%n scans pending</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ExportDialog</name>
    <message numerus="yes">
      <source>%n e-reporting row(s) written to %1.</source>
      <translation>
        <numerusform>%n e-reporting row written to %1.</numerusform>
        <numerusform>%n e-reporting rows written to %1.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n accounting entry(ies) written to %1.</source>
      <translation>
        <numerusform>%n accounting entry(ies) written to %1.</numerusform>
        <numerusform>%n accounting entry(ies) written to %1.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>HelpWindow</name>
    <message numerus="yes">
      <source>%n page(s) found</source>
      <translation>
        <numerusform>%n page found</numerusform>
        <numerusform>%n pages found</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>ImportWizard</name>
    <message numerus="yes">
      <source>%n row(s)</source>
      <translation>
        <numerusform>%n row</numerusform>
        <numerusform>%n rows</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n column(s)</source>
      <translation>
        <numerusform>%n column</numerusform>
        <numerusform>%n columns</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n created</source>
      <translation>
        <numerusform>%n created</numerusform>
        <numerusform>%n created</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n to create</source>
      <translation>
        <numerusform>%n to create</numerusform>
        <numerusform>%n to create</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n changed</source>
      <translation>
        <numerusform>%n changed</numerusform>
        <numerusform>%n changed</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n to change</source>
      <translation>
        <numerusform>%n to change</numerusform>
        <numerusform>%n to change</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n unchanged</source>
      <translation>
        <numerusform>%n unchanged</numerusform>
        <numerusform>%n unchanged</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n bad line(s)</source>
      <translation>
        <numerusform>%n bad line</numerusform>
        <numerusform>%n bad lines</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>InventoryScreen</name>
    <message numerus="yes">
      <source>%Ln item type(s)</source>
      <translation>
        <numerusform>%Ln item type</numerusform>
        <numerusform>%Ln item types</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%1, every %n month(s)</source>
      <translation>
        <numerusform>%1, every %n month</numerusform>
        <numerusform>%1, every %n months</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>InvoiceDialogs</name>
    <message numerus="yes">
      <source>%n page(s) sent to the printer.</source>
      <translation>
        <numerusform>%n page sent to the printer.</numerusform>
        <numerusform>%n pages sent to the printer.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>InvoicesScreen</name>
    <message numerus="yes">
      <source>%n page(s) sent to the printer.</source>
      <translation>
        <numerusform>%n page sent to the printer.</numerusform>
        <numerusform>%n pages sent to the printer.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>overdue by %n day(s)</source>
      <translation>
        <numerusform>overdue by %n day</numerusform>
        <numerusform>overdue by %n days</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln document(s)</source>
      <translation>
        <numerusform>%Ln document</numerusform>
        <numerusform>%Ln documents</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%Ln document(s) so far, %1 of %2 bookings looked at…</source>
      <translation>
        <numerusform>%Ln document so far, %1 of %2 bookings looked at…</numerusform>
        <numerusform>%Ln documents so far, %1 of %2 bookings looked at…</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>LabelsScreen</name>
    <message numerus="yes">
      <source>%n page(s) sent to the printer.</source>
      <translation>
        <numerusform>%n page sent to the printer.</numerusform>
        <numerusform>%n pages sent to the printer.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n item type(s) found.</source>
      <translation>
        <numerusform>%n item type found.</numerusform>
        <numerusform>%n item types found.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Added %n label(s) for %1.</source>
      <translation>
        <numerusform>Added %n label for %1.</numerusform>
        <numerusform>Added %n labels for %1.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n label(s) selected</source>
      <translation>
        <numerusform>%n label selected</numerusform>
        <numerusform>%n labels selected</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n page(s)</source>
      <translation>
        <numerusform>%n page</numerusform>
        <numerusform>%n pages</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n unit(s)</source>
      <translation>
        <numerusform>%n unit</numerusform>
        <numerusform>%n units</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>LinesModel</name>
    <message numerus="yes">
      <source>%n missing</source>
      <translation>
        <numerusform>%n missing</numerusform>
        <numerusform>%n missing</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>MainWindow</name>
    <message numerus="yes">
      <source>%n item type(s)</source>
      <translation>
        <numerusform>%n item type</numerusform>
        <numerusform>%n item types</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n unit(s)</source>
      <translation>
        <numerusform>%n unit</numerusform>
        <numerusform>%n units</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>PricePanel</name>
    <message numerus="yes">
      <source>%n day(s)</source>
      <translation>
        <numerusform>%n day</numerusform>
        <numerusform>%n days</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>(weekend rule: out Friday, back Monday, %n day(s) of use)</source>
      <translation>
        <numerusform>(weekend rule: out Friday, back Monday, %n day of use)</numerusform>
        <numerusform>(weekend rule: out Friday, back Monday, %n days of use)</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>StatementsDialog</name>
    <message numerus="yes">
      <source>%Ln statement(s) of %1 written to %2.</source>
      <translation>
        <numerusform>%Ln statement of %1 written to %2.</numerusform>
        <numerusform>%Ln statements of %1 written to %2.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Sent to %1: %n page(s).</source>
      <translation>
        <numerusform>Sent to %1: %n page.</numerusform>
        <numerusform>Sent to %1: %n pages.</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>Timeline</name>
    <message numerus="yes">
      <source>%n free of %1</source>
      <translation>
        <numerusform>%n free of %1</numerusform>
        <numerusform>%n free of %1</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>cli</name>
    <message numerus="yes">
      <source>{code}: %n missing on {at} ({bookings})</source>
      <translation>
        <numerusform>{code}: %n missing on {at} ({bookings})</numerusform>
        <numerusform>{code}: %n missing on {at} ({bookings})</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Pick list of %n page(s) written to {path}.</source>
      <translation>
        <numerusform>Pick list of %n page written to {path}.</numerusform>
        <numerusform>Pick list of %n pages written to {path}.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n customer(s)</source>
      <translation>
        <numerusform>%n customer</numerusform>
        <numerusform>%n customers</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n scan(s) refused out of {count}.</source>
      <translation>
        <numerusform>%n scan refused out of {count}.</numerusform>
        <numerusform>%n scans refused out of {count}.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n missing</source>
      <translation>
        <numerusform>%n missing</numerusform>
        <numerusform>%n missing</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n damaged</source>
      <translation>
        <numerusform>%n damaged</numerusform>
        <numerusform>%n damaged</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n still out</source>
      <translation>
        <numerusform>%n still out</numerusform>
        <numerusform>%n still out</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n item type(s)</source>
      <translation>
        <numerusform>%n item type</numerusform>
        <numerusform>%n item types</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n unit(s)</source>
      <translation>
        <numerusform>%n unit</numerusform>
        <numerusform>%n units</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n label(s)</source>
      <translation>
        <numerusform>%n label</numerusform>
        <numerusform>%n labels</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n page(s)</source>
      <translation>
        <numerusform>%n page</numerusform>
        <numerusform>%n pages</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n opening entry(ies)</source>
      <translation>
        <numerusform>%n opening entry(ies)</numerusform>
        <numerusform>%n opening entry(ies)</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Printed on {printer}: %n page(s).</source>
      <translation>
        <numerusform>Printed on {printer}: %n page.</numerusform>
        <numerusform>Printed on {printer}: %n pages.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n created</source>
      <translation>
        <numerusform>%n created</numerusform>
        <numerusform>%n created</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n updated</source>
      <translation>
        <numerusform>%n updated</numerusform>
        <numerusform>%n updated</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>%n unchanged</source>
      <translation>
        <numerusform>%n unchanged</numerusform>
        <numerusform>%n unchanged</numerusform>
      </translation>
    </message>
  </context>
  <context>
    <name>messages</name>
    <message numerus="yes">
      <source>{count} problem(s) found; nothing was changed.</source>
      <translation>
        <numerusform>{count} problem found; nothing was changed.</numerusform>
        <numerusform>{count} problems found; nothing was changed.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>{name}: nothing is left to go out ({count} booked piece(s), all out).</source>
      <translation>
        <numerusform>{name}: nothing is left to go out ({count} booked piece, all out).</numerusform>
        <numerusform>{name}: nothing is left to go out ({count} booked pieces, all out).</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Only {count} piece(s) of {name} left to go out on {ref}: scan *{count}.</source>
      <translation>
        <numerusform>Only {count} piece of {name} left to go out on {ref}: scan *{count}.</numerusform>
        <numerusform>Only {count} pieces of {name} left to go out on {ref}: scan *{count}.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>Line {position} of invoice {number}: {count} unit(s) left to credit of its {total}; {asked} asked.</source>
      <translation>
        <numerusform>Line {position} of invoice {number}: {count} unit left to credit of its {total}; {asked} asked.</numerusform>
        <numerusform>Line {position} of invoice {number}: {count} units left to credit of its {total}; {asked} asked.</numerusform>
      </translation>
    </message>
    <message numerus="yes">
      <source>The cooperative was not set up: {count} problem(s) found; nothing was written.</source>
      <translation>
        <numerusform>The cooperative was not set up: {count} problem found; nothing was written.</numerusform>
        <numerusform>The cooperative was not set up: {count} problems found; nothing was written.</numerusform>
      </translation>
    </message>
  </context>
</TS>
