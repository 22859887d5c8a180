//! The manifests an LMS reads from a package: SCORM 1.2 and SCORM 2004 (4th edition)
//! `imsmanifest.xml`, cmi5 `cmi5.xml`. Text only: what goes in them is decided by
//! [`super::build`].

use std::fmt::Write as _;

use super::Format;

/// What a manifest says about the package.
pub(crate) struct Course<'a> {
    /// An xs:ID-safe identifier (`drillbook-<article>`).
    pub identifier: &'a str,
    /// An IRI naming the course (cmi5 course and AU ids are built from it).
    pub iri: &'a str,
    /// Per built locale, source locale first: (BCP 47 tag, title, description), as XML text.
    pub texts: &'a [(String, String, String)],
    /// The page the LMS launches.
    pub launch: &'a str,
    /// Fraction of the score needed to pass, in [0, 1].
    pub mastery_score: f64,
    /// Whether the article has an assessment; without one, completion is what counts.
    pub assessed: bool,
    /// Every file of the package but the manifest itself, sorted.
    pub files: &'a [&'a str],
}

/// The manifest's file name and text.
pub(crate) fn render_manifest(format: Format, course: &Course<'_>) -> (&'static str, String) {
    match format {
        Format::Scorm12 => ("imsmanifest.xml", scorm_12(course)),
        Format::Scorm2004 => ("imsmanifest.xml", scorm_2004(course)),
        Format::Cmi5 => ("cmi5.xml", cmi5(course)),
    }
}

/// Escapes text for XML content and attribute values, leaving out the characters XML cannot
/// hold at all (`md_shape::unwritable_in_xml`; translated text reaches a manifest through
/// `md_shape::strip_controls`, which already removes or replaces them).
pub(crate) fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            c if crate::md_shape::unwritable_in_xml(c) => {}
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

/// The mastery score as a decimal without trailing zeros (`0.8`, `1`).
pub(crate) fn decimal(value: f64) -> String {
    let text = format!("{:.4}", value.clamp(0.0, 1.0));
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}

fn source_title<'a>(course: &'a Course<'_>) -> &'a str {
    course.texts.first().map_or("", |(_, title, _)| title.as_str())
}

fn files(out: &mut String, course: &Course<'_>) {
    for file in course.files {
        let _ = writeln!(out, "      <file href=\"{}\"/>", xml_escape(file));
    }
}

fn scorm_12(course: &Course<'_>) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="{id}" version="1" xmlns="http://www.imsproject.org/xsd/imscp_rootv1p1p2" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_rootv1p2" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.imsproject.org/xsd/imscp_rootv1p1p2 imscp_rootv1p1p2.xsd http://www.imsglobal.org/xsd/imsmd_rootv1p2p1 imsmd_rootv1p2p1.xsd http://www.adlnet.org/xsd/adlcp_rootv1p2 adlcp_rootv1p2.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>1.2</schemaversion>
  </metadata>
  <organizations default="{id}-org">
    <organization identifier="{id}-org">
      <title>{title}</title>
      <item identifier="{id}-item" identifierref="{id}-sco" isvisible="true">
        <title>{title}</title>
{mastery}      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="{id}-sco" type="webcontent" adlcp:scormtype="sco" href="{launch}">
"#,
        id = course.identifier,
        title = source_title(course),
        mastery = match course.assessed {
            true => format!(
                "        <adlcp:masteryscore>{}</adlcp:masteryscore>\n",
                (course.mastery_score.clamp(0.0, 1.0) * 100.0).round() as u32
            ),
            false => String::new(),
        },
        launch = xml_escape(course.launch),
    );
    files(&mut out, course);
    out.push_str("    </resource>\n  </resources>\n</manifest>\n");
    out
}

fn scorm_2004(course: &Course<'_>) -> String {
    let mut out = String::new();
    let _ = write!(
        out,
        r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest identifier="{id}" version="1" xmlns="http://www.imsglobal.org/xsd/imscp_v1p1" xmlns:adlcp="http://www.adlnet.org/xsd/adlcp_v1p3" xmlns:adlseq="http://www.adlnet.org/xsd/adlseq_v1p3" xmlns:adlnav="http://www.adlnet.org/xsd/adlnav_v1p3" xmlns:imsss="http://www.imsglobal.org/xsd/imsss" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="http://www.imsglobal.org/xsd/imscp_v1p1 imscp_v1p1.xsd http://www.adlnet.org/xsd/adlcp_v1p3 adlcp_v1p3.xsd http://www.adlnet.org/xsd/adlseq_v1p3 adlseq_v1p3.xsd http://www.adlnet.org/xsd/adlnav_v1p3 adlnav_v1p3.xsd http://www.imsglobal.org/xsd/imsss imsss_v1p0.xsd">
  <metadata>
    <schema>ADL SCORM</schema>
    <schemaversion>2004 4th Edition</schemaversion>
  </metadata>
  <organizations default="{id}-org">
    <organization identifier="{id}-org">
      <title>{title}</title>
      <item identifier="{id}-item" identifierref="{id}-sco" isvisible="true">
        <title>{title}</title>
{sequencing}      </item>
    </organization>
  </organizations>
  <resources>
    <resource identifier="{id}-sco" type="webcontent" adlcp:scormType="sco" href="{launch}">
"#,
        id = course.identifier,
        title = source_title(course),
        sequencing = match course.assessed {
            true => format!(
                r#"        <imsss:sequencing>
          <imsss:objectives>
            <imsss:primaryObjective objectiveID="{id}-passed" satisfiedByMeasure="true">
              <imsss:minNormalizedMeasure>{mastery}</imsss:minNormalizedMeasure>
            </imsss:primaryObjective>
          </imsss:objectives>
        </imsss:sequencing>
"#,
                id = course.identifier,
                mastery = decimal(course.mastery_score)
            ),
            false => String::new(),
        },
        launch = xml_escape(course.launch),
    );
    files(&mut out, course);
    out.push_str("    </resource>\n  </resources>\n</manifest>\n");
    out
}

fn cmi5(course: &Course<'_>) -> String {
    let langstrings =
        |out: &mut String, element: &str, pick: &dyn Fn(&(String, String, String)) -> &str| {
            let _ = writeln!(out, "    <{element}>");
            for text in course.texts {
                let _ = writeln!(
                    out,
                    "      <langstring lang=\"{}\">{}</langstring>",
                    xml_escape(&text.0),
                    pick(text)
                );
            }
            let _ = writeln!(out, "    </{element}>");
        };
    let iri = xml_escape(course.iri);
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<courseStructure xmlns=\"https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd\">\n",
    );
    let _ = writeln!(out, "  <course id=\"{iri}\">");
    langstrings(&mut out, "title", &|t| &t.1);
    langstrings(&mut out, "description", &|t| &t.2);
    out.push_str("  </course>\n");
    // Without an assessment nothing is passed: completing the AU is what counts.
    let _ = match course.assessed {
        true => writeln!(
            out,
            "  <au id=\"{iri}/au\" moveOn=\"Passed\" masteryScore=\"{}\" launchMethod=\"AnyWindow\">",
            decimal(course.mastery_score)
        ),
        false => {
            writeln!(out, "  <au id=\"{iri}/au\" moveOn=\"Completed\" launchMethod=\"AnyWindow\">")
        }
    };
    langstrings(&mut out, "title", &|t| &t.1);
    langstrings(&mut out, "description", &|t| &t.2);
    let _ = writeln!(out, "    <url>{}</url>", xml_escape(course.launch));
    out.push_str("  </au>\n</courseStructure>\n");
    out
}
