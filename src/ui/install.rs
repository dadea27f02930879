//! "Install app" in Settings. pwa/register.js keeps Chrome's install prompt (it fires
//! before the WebAssembly starts); this reads it and the display mode from `window`.

use js_sys::{Function, Reflect};
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

#[derive(Clone, Copy, Debug, PartialEq)]
enum Install {
    /// Running as an installed app: nothing to offer.
    Installed,
    /// The browser offered its install prompt.
    Prompt,
    /// iOS Safari installs only through Share → Add to Home Screen.
    IosSteps,
    /// Anything else: point to the browser's own menu.
    BrowserMenu,
}

fn global(name: &str) -> Option<JsValue> {
    let window = web_sys::window()?;
    Reflect::get(&window, &JsValue::from_str(name))
        .ok()
        .filter(|v| !v.is_undefined() && !v.is_null())
}

fn is_standalone() -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let display_mode = window
        .match_media("(display-mode: standalone)")
        .ok()
        .flatten()
        .is_some_and(|query| query.matches());
    // iOS Safari reports an installed app through navigator.standalone instead.
    let ios_standalone = Reflect::get(&window.navigator(), &JsValue::from_str("standalone"))
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false);
    display_mode || ios_standalone
}

fn current() -> Install {
    if is_standalone() {
        return Install::Installed;
    }
    if global("restrideInstallPrompt").is_some() {
        return Install::Prompt;
    }
    let agent = web_sys::window()
        .and_then(|w| w.navigator().user_agent().ok())
        .unwrap_or_default();
    let ios = ["iPhone", "iPad", "iPod"].iter().any(|d| agent.contains(d));
    if ios {
        Install::IosSteps
    } else {
        Install::BrowserMenu
    }
}

#[component]
pub fn InstallOffer() -> impl IntoView {
    let state = RwSignal::new(current());
    let listener =
        window_event_listener_untyped("restride-install-changed", move |_| state.set(current()));
    on_cleanup(move || listener.remove());
    let install = move |_| {
        if let Some(function) =
            global("restrideInstall").and_then(|f| f.dyn_into::<Function>().ok())
        {
            let _ = function.call0(&JsValue::NULL);
        }
    };
    move || {
        match state.get() {
        Install::Installed => None,
        Install::Prompt => Some(
            view! {
                <section class="field">
                    <h2>"Install"</h2>
                    <p class="muted">"Put Restride on your home screen: it opens like an app and works offline."</p>
                    <button type="button" class="primary" on:click=install>
                        "Install app"
                    </button>
                </section>
            }
            .into_any(),
        ),
        Install::IosSteps => Some(
            view! {
                <section class="field">
                    <h2>"Install"</h2>
                    <p>"To put Restride on your home screen: tap the Share button in Safari, then “Add to Home Screen”."</p>
                </section>
            }
            .into_any(),
        ),
        Install::BrowserMenu => Some(
            view! {
                <section class="field">
                    <h2>"Install"</h2>
                    <p class="muted">
                        "Your browser can install Restride from its menu (“Install app” or “Add to Home screen”); it then opens like an app and works offline."
                    </p>
                </section>
            }
            .into_any(),
        ),
    }
    }
}
