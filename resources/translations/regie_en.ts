<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en_GB" sourcelanguage="en">
  <context>
    <name>BookingsScreen</name>
    <message numerus="yes">
      <source>%n bookings match: choose one with the arrows, then Enter.</source>
      <translation>
        <numerusform>%n booking matches: choose it with the arrows, then Enter.</numerusform>
        <numerusform>%n bookings match: choose one with the arrows, then Enter.</numerusform>
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
    <name>messages</name>
    <message numerus="yes">
      <source>{count} problem(s) found; nothing was changed.</source>
      <translation>
        <numerusform>{count} problem found; nothing was changed.</numerusform>
        <numerusform>{count} problems found; nothing was changed.</numerusform>
      </translation>
    </message>
  </context>
</TS>
