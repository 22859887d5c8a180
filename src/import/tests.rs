use super::*;

#[test]
fn dates_and_handoffs() {
    assert_eq!(iso_date("06/05/2020").as_deref(), Some("2020-06-05"));
    assert_eq!(iso_date("13/05/2020"), None);
    assert_eq!(iso_date("x"), None);
    let doc = DocFx {
        front: docfx::FrontMatter { lasthandoff: Some("07/15/2021".into()), ..Default::default() },
        ..Default::default()
    };
    assert_eq!(handoff_key(&doc), (2021, 7, 15));
}

#[test]
fn front_matter_stand_ins_are_plain_text() {
    assert_eq!(
        plain_text("Offer **Minecraft** in the [Store](https://x.example) `now`"),
        "Offer Minecraft in the Store now"
    );
}
