# extensions: de-DE translation, imported from the DocFX file `extensions.md`
# (English revision 89abcdef0123456789abcdef0123456789abcdef, MT), CC BY 4.0, Microsoft Corporation and contributors.

article-title = DocFX-Erweiterungen
article-description = {""}
heading = DocFX-Erweiterungen
the-kiosk-configuration-for-a = Die Kioskkonfiguration für eine Gruppe:
image-deployment-guides-revised-scenario-a = Cloud verbundenes Szenario
image-border = Mit Rahmen
select-gear-and-then-ok = Wählen Sie ![Zahnrad](media/gear.png) und dann OK aus.
open-start = Öffnen Sie ![Start](images/start.png).
zahnrad-open-settings = ![Zahnrad](media/gear.png) Einstellungen öffnen.
only-for-hololens-2 = Nur für HoloLens 2.
