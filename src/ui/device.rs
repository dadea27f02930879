//! Device features (notifications, app badge, vibration, screen wake lock), called through
//! `window.restrideDevice` in `pwa/register.js`. Every call is `catch`: where the object or
//! the feature is missing, nothing happens and nothing panics.

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = restrideDevice, js_name = notificationPermission, catch)]
    fn notification_permission_js() -> Result<String, JsValue>;
    #[wasm_bindgen(js_namespace = restrideDevice, js_name = askNotifications, catch)]
    fn ask_notifications_js() -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_namespace = restrideDevice, js_name = notify, catch)]
    fn notify_js(title: &str, body: &str, tag: &str) -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_namespace = restrideDevice, js_name = badge, catch)]
    fn badge_js(count: u32) -> Result<(), JsValue>;
    #[wasm_bindgen(js_namespace = restrideDevice, js_name = vibrate, catch)]
    fn vibrate_js(ms: u32) -> Result<(), JsValue>;
    #[wasm_bindgen(js_namespace = restrideDevice, js_name = keepAwake, catch)]
    fn keep_awake_js(on: bool) -> Result<(), JsValue>;
    #[wasm_bindgen(js_namespace = restrideDevice, js_name = storagePersisted, catch)]
    fn storage_persisted_js() -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_namespace = restrideDevice, js_name = keepStorage, catch)]
    fn keep_storage_js() -> Result<(), JsValue>;
    #[wasm_bindgen(js_namespace = restrideDevice, js_name = takeSharedFiles, catch)]
    fn take_shared_files_js() -> Result<js_sys::Promise, JsValue>;
    #[wasm_bindgen(js_namespace = restrideDevice, js_name = shareFile, catch)]
    fn share_file_js(name: &str, mime: &str, text: &str, done: &JsValue) -> Result<bool, JsValue>;
}

/// "granted", "denied", "default", or "unsupported".
pub fn notification_permission() -> String {
    notification_permission_js().unwrap_or_else(|_| "unsupported".into())
}

/// Asks the browser for permission (only ever from the runner's tap) and calls `done`
/// with the answer.
pub fn ask_notifications(done: impl FnOnce(String) + 'static) {
    let Ok(promise) = ask_notifications_js() else {
        done("unsupported".into());
        return;
    };
    let done = std::cell::Cell::new(Some(done));
    let on_answer = Closure::once(move |answer: JsValue| {
        if let Some(done) = done.take() {
            done(answer.as_string().unwrap_or_else(|| "default".into()));
        }
    });
    let _ = promise.then(&on_answer);
    on_answer.forget();
}

/// Shows a system notification, then calls `done` with whether the browser showed it.
pub fn notify(title: &str, body: &str, tag: &str, done: impl FnOnce(bool) + 'static) {
    let Ok(promise) = notify_js(title, body, tag) else {
        done(false);
        return;
    };
    let on_answer = Closure::once(move |shown: JsValue| done(shown.as_bool() == Some(true)));
    let _ = promise.then(&on_answer);
    on_answer.forget();
}

pub fn badge(count: usize) {
    let _ = badge_js(u32::try_from(count).unwrap_or(u32::MAX));
}

pub fn vibrate(ms: u32) {
    let _ = vibrate_js(ms);
}

pub fn keep_awake(on: bool) {
    let _ = keep_awake_js(on);
}

/// Opens the phone's share sheet with the file; false where that is not possible.
pub fn share_file(name: &str, mime: &str, text: &str) -> bool {
    share_file_js(name, mime, text, &JsValue::UNDEFINED).unwrap_or(false)
}

/// `share_file`, then, once the sheet closes, `done` with whether the file went anywhere
/// (false: cancelled). `done` is called from JavaScript: as `done(true)` after a download
/// where sharing is not possible.
pub fn share_file_then(
    name: &str,
    mime: &str,
    text: &str,
    done: impl FnOnce(bool) + 'static,
) -> Result<bool, JsValue> {
    let done = Closure::once_into_js(move |handed: bool| done(handed));
    let shared = share_file_js(name, mime, text, &done).unwrap_or(false);
    if shared {
        Ok(true)
    } else {
        Err(done)
    }
}

/// Asks the browser to keep Restride's storage under pressure (`navigator.storage.persist`),
/// unless it already does.
pub fn keep_storage() {
    let _ = keep_storage_js();
}

/// Whether the browser has promised to keep Restride's storage; `false` where it cannot say.
pub async fn storage_persisted() -> bool {
    match storage_persisted_js() {
        Ok(promise) => wasm_bindgen_futures::JsFuture::from(promise)
            .await
            .ok()
            .and_then(|answer| answer.as_bool())
            .unwrap_or(false),
        Err(_) => false,
    }
}

/// Files shared to Restride or opened with it, each taken once; empty when there are none.
pub async fn take_shared_files() -> Vec<web_sys::File> {
    let Ok(promise) = take_shared_files_js() else {
        return Vec::new();
    };
    let Ok(files) = wasm_bindgen_futures::JsFuture::from(promise).await else {
        return Vec::new();
    };
    js_sys::Array::from(&files)
        .iter()
        .filter_map(|file| file.dyn_into::<web_sys::File>().ok())
        .collect()
}
