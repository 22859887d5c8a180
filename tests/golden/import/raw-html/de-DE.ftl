# raw-html: de-DE translation, imported from the DocFX file `raw-html.md`
# (English revision 0123456789abcdef0123456789abcdef01234567, MT), CC BY 4.0, Microsoft Corporation and contributors.

article-title = Rohes HTML
article-description = {""}
heading = Rohes HTML
irradiance-of-0-5-mw = Bestrahlung von 0,5 mW/cm² mit Vorsicht.
country = Land
format = Format
austria = Österreich
m-1-letter-and-8-digits =
    1 Buchstabe und 8 Ziffern\
    Ländercode: AT\
    \
    Beispiel: **U12345678**
configuration = Konfiguration
powered-on-connected =
    • Eingeschaltet\
    • Verbunden
set-up-azure-ad = Richten Sie [Azure AD ein](/azure/join).
restart-hololens = Starten Sie HoloLens neu.
step-1-prepare = Vorbereiten
see-preparing-and-list-notes = Siehe [Vorbereitung](#step-1-prepare) und [Liste](#step-1-prepare), [Notizen](notes.md#version-20h2-june).
deny-id-x = ``` <Deny ID="x" /> ```
next = [Weiter](https://example.com/next)
