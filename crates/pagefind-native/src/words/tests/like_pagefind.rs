//! Comparisons with what Pagefind itself indexes for the same digests and pages.

use super::*;

#[test]
fn like_pagefind_en() {
    assert_digest_like_pagefind(
        "___PAGEFIND_AUTO_WEIGHT___7 Getting Started. ___END_PAGEFIND_WEIGHT___ \
         ___PAGEFIND_ANCHOR___h2:0:intro Run `npx pagefind --site public` to index \
         sysconfig.is_python_build, three-antelopes and WKWebVIEWComponent. \
         The café's crème brûlée costs $3.50 (about 3,5€) — cloud🌦️cannon 👋👨‍👩‍👧‍👦! \
         __init__ ___weird HTML5 <FormComponent data-pagefind-meta='[key:(value)]'> \
         l'alphabet e.g. i.e. Node.js v1.2.3 a.b.c.d.e.f.g.h.i.j.k \u{200b}zero\u{200b}width\u{200b} \
         \u{200b} x.CamelCase.Tail running runs ran",
        "en",
        &[
            ("title", "Getting Started — Pagefind's café"),
            ("image", "/img/a.png"),
            ("description", "Running ___PAGEFIND_SECRET the indexer fast"),
        ],
    );
}

#[test]
fn like_pagefind_de_nl_sv_ru() {
    assert_digest_like_pagefind(
        "Die Straße führt über Brücken zur Hauptstadt-Bibliothek; Größenverhältnisse \
         ÄRGERLICH äußerst Maß-Arbeit (z.B. U-Bahn) Fußgängerübergänge",
        "de-de",
        &[("title", "Über die Straße")],
    );
    assert_digest_like_pagefind(
        "De fietsen van de gemeente-Amsterdam zijn één voor één gerepareerd; \
         ideeën, coördinatie, reünie, Zuid-Holland",
        "nl",
        &[("title", "Één fiets")],
    );
    assert_digest_like_pagefind(
        "Räksmörgås och kött-bullar på Göteborgs-varvet; överenskommelser ÅÄÖ",
        "sv",
        &[("title", "Smörgåsbord")],
    );
    assert_digest_like_pagefind(
        "Ёжик в тумане: бежали-бежали, прибежали. Москва-река; ПРИВЕТ мир! йод",
        "ru",
        &[("title", "Ёлка и ёж")],
    );
}

#[test]
fn like_pagefind_zh_ja_th() {
    assert_digest_like_pagefind(
        "___PAGEFIND_AUTO_WEIGHT___7 擁有遠端帳號權限 ___END_PAGEFIND_WEIGHT___ \
         我們建議大多數具有遠端帳號權限的使用者，採用 ___PAGEFIND_ANCHOR___a:0:my-link \
         Certbot 這個 ACME 客戶端。它可以自動執行憑證的頒發、安裝，甚至不需要停止你的伺服器；\
         ___PAGEFIND_WEIGHT___44 高速公路 在學校 學校 ___END_PAGEFIND_WEIGHT___ 中文\u{200b}分词 \
         Let’s Encrypt 的服务商能替您自动完成免费证书的申请、安装、续期步骤。",
        "zh-cn",
        &[("title", "没有命令行访问权限 Let’s Encrypt")],
    );
    assert_digest_like_pagefind(
        "___PAGEFIND_AUTO_WEIGHT___7 シェルへのアクセス権を持っている場合 ___END_PAGEFIND_WEIGHT___ \
         シェルアクセスができるほとんどの人には、Certbot という ACME クライアントを使うのがおすすめです。\
         バックアップ ハ\u{3099}ント\u{3099} ｶﾀｶﾅﾃｽﾄ",
        "ja",
        &[("title", "バックアップ")],
    );
    assert_digest_like_pagefind(
        "ช่วยวิกิพีเดียได้ สปีชีส์ ฉันชอบกินข้าวผัดที่ร้านริมน้ำ",
        "th",
        &[("title", "วิกิพีเดีย")],
    );
}

#[test]
fn like_pagefind_html_page() {
    // The digest and anchors Pagefind's parser makes of this page
    let html = "<html lang=\"en\"><head><title>A page</title></head><body>\
                <h1 id=\"top\">Hello&amp;welcome</h1><p>World wide <b>web</b></p></body></html>";
    let expected = pagefind_html("en/a/index.html", html);
    let page = fossick(
        "en/a/index.html",
        Parsed {
            digest: "___PAGEFIND_ANCHOR___h1:0:top ___PAGEFIND_AUTO_WEIGHT___7 Hello&welcome. \
                     ___END_PAGEFIND_WEIGHT___ World wide web."
                .into(),
            // Pagefind titles a page by its first h1
            meta: BTreeMap::from([("title".to_string(), "Hello&welcome".to_string())]),
            anchor_content: BTreeMap::from([(
                "0:top".to_string(),
                "Hello&amp;welcome".to_string(),
            )]),
            has_html_element: true,
            language: "en".into(),
            ..Parsed::default()
        },
    );
    let actual = indexed(&page);
    assert_eq!(actual.fragment, expected.fragment);
    assert_eq!(actual.words, expected.words);
    assert_eq!(actual.meta_words, expected.meta_words);
}

#[test]
fn cache_is_reused_across_pages() {
    let mut fossicker = Fossicker::new();
    let digests = ["The quick-brown fox. café Über", "quick-brown foxes, café", "", "   "];
    for (i, digest) in digests.iter().enumerate() {
        for language in ["en", "en-gb", "de", "zh-cn", "unknown"] {
            let path = format!("{language}/{i}/index.html");
            let cached = fossicker.fossick(&path, parsed(digest, language));
            assert_eq!(cached, fossick(&path, parsed(digest, language)));
        }
    }
}

#[test]
fn fossicker_is_send() {
    fn send<T: Send>() {}
    send::<Fossicker>();
}
