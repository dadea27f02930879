//! Offering text as a file download, without any request leaving the page.

use wasm_bindgen::JsCast;

/// Saves `text` as a file named `name`. Failures are silent on purpose: the only cause is
/// a browser without Blob URLs, where there is nothing better to offer.
pub fn offer(name: &str, mime: &str, text: &str) {
    let _ = try_offer(name, mime, text);
}

/// On a phone, the share sheet (where the file can go to Files, a drive or a message);
/// elsewhere, a download.
pub fn share_or_offer(name: &str, mime: &str, text: &str) {
    if !super::device::share_file(name, mime, text) {
        offer(name, mime, text);
    }
}

/// `share_or_offer`, then `done` with whether the file was handed over: shared, or
/// downloaded; false when the runner cancelled the share sheet.
pub fn share_or_offer_then(name: &str, mime: &str, text: &str, done: impl FnOnce(bool) + 'static) {
    if let Err(done) = super::device::share_file_then(name, mime, text, done) {
        offer(name, mime, text);
        if let Some(done) = done.dyn_ref::<js_sys::Function>() {
            let _ = done.call1(&wasm_bindgen::JsValue::NULL, &wasm_bindgen::JsValue::TRUE);
        }
    }
}

fn try_offer(name: &str, mime: &str, text: &str) -> Option<()> {
    let document = web_sys::window()?.document()?;
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).ok()?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).ok()?;
    let link = document
        .create_element("a")
        .ok()?
        .dyn_into::<web_sys::HtmlAnchorElement>()
        .ok()?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // Revoked a little later: some browsers read the URL after the click returns.
    leptos::prelude::set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(10),
    );
    Some(())
}
