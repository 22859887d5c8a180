# raw-html: English messages, from the English halves of the side-by-side DocFX file
# `raw-html.md` (English revision 0123456789abcdef0123456789abcdef01234567), CC BY 4.0, Microsoft Corporation.

# The DocFX front matter has no English title: the article's H1 stands in.
article-title = Raw HTML
# The DocFX front matter has no English description: the first paragraph stands in.
article-description = Irradiance of 0.5 mW/cm² with care.
heading = Raw HTML
irradiance-of-0-5-mw = Irradiance of 0.5 mW/cm² with care.
country = Country
format = Format
austria = Austria
m-1-letter-and-8-digits =
    1 letter and 8 digits\
    Country code: AT\
    \
    Example: **U12345678**
configuration = Configuration
powered-on-connected =
    • Powered on\
    • Connected
set-up-azure-ad = Set up [Azure AD](/azure/join).
restart-hololens = Restart HoloLens.
step-1-prepare = Prepare
see-preparing-and-list-notes = See [preparing](#step-1-prepare) and [list](#step-1-prepare), [notes](notes.md#version-20h2-june).
deny-id-x = ``` <Deny ID="x" /> ```
next = [Next](https://example.com/next)
