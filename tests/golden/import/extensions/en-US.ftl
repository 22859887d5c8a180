# extensions: English messages, from the English halves of the side-by-side DocFX file
# `extensions.md` (English revision 89abcdef0123456789abcdef0123456789abcdef), CC BY 4.0, Microsoft Corporation.

# The DocFX front matter has no English title: the article's H1 stands in.
article-title = DocFX extensions
# The DocFX front matter has no English description: the first paragraph stands in.
article-description = The kiosk configuration for a group:
heading = DocFX extensions
the-kiosk-configuration-for-a = The kiosk configuration for a group:
# No English alt text in the DocFX source (only translations): the file name stands in.
image-deployment-guides-revised-scenario-a = deployment-guides-revised-scenario-a.png
# No English alt text in the DocFX source (only translations): the file name stands in.
image-border = border.png
select-gear-and-then-ok = Select ![Gear](media/gear.png) and then OK.
open-start = Open ![Start](images/start.png).
zahnrad-open-settings = ![Zahnrad](media/gear.png) Open settings.
only-for-hololens-2 = Only for HoloLens 2.
