//! A small client-side router: the current page is a signal derived from the URL path,
//! links are plain `<a href>` that one window listener turns into `pushState` navigations,
//! and the back button works through `popstate`.
//!
//! It replaces leptos_router, which added about 43 KB gzip (15 %) to the WebAssembly for
//! the handful of flat routes the app has. The app may be served from a sub-path: the base is
//! read once from `<base href>` (Trunk's public URL), and every href goes through `href`.

pub use crate::route::Page;
use leptos::ev;
use leptos::prelude::*;
use std::sync::OnceLock;
use wasm_bindgen::{JsCast, JsValue};

/// The path the app is served under, without a trailing slash: "" at the root of its
/// origin, "/restride" when built with `--public-url /restride/`.
fn base() -> &'static str {
    static BASE: OnceLock<String> = OnceLock::new();
    BASE.get_or_init(|| {
        // Only an explicit <base> counts: without one, baseURI is the page's own URL.
        let base_href = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.query_selector("base[href]").ok().flatten())
            .and_then(|base| base.dyn_into::<web_sys::HtmlBaseElement>().ok())
            .map(|base| base.href())
            .unwrap_or_default();
        let path = web_sys::Url::new(&base_href)
            .map(|u| u.pathname())
            .unwrap_or_default();
        path.trim_end_matches('/').to_string()
    })
}

/// The URL path of an app path: `href("/log")` is "/restride/log" under a sub-path.
fn href(path: &str) -> String {
    format!("{}{path}", base())
}

/// The URL of a page, for a link: `link(&Page::Log)` is "/restride/log" under a sub-path.
pub fn link(page: &Page) -> String {
    href(&page.path())
}

/// The app path of a URL path, or `None` when it lies outside the app.
fn app_path(url_path: &str) -> Option<String> {
    let rest = url_path.strip_prefix(base())?;
    if rest.is_empty() {
        Some("/".into())
    } else if rest.starts_with('/') {
        Some(rest.to_string())
    } else {
        None
    }
}

fn current_path() -> String {
    let pathname = web_sys::window()
        .and_then(|w| w.location().pathname().ok())
        .unwrap_or_default();
    app_path(&pathname).unwrap_or(pathname)
}

#[derive(Clone, Copy)]
pub struct Router {
    path: RwSignal<String>,
    pub page: Memo<Page>,
}

impl Router {
    /// Creates the router, provides it as context and starts listening.
    pub fn install() -> Router {
        let path = RwSignal::new(current_path());
        let router = Router {
            path,
            page: Memo::new(move |_| path.with(|p| Page::of(p))),
        };
        provide_context(router);

        let popstate = window_event_listener(ev::popstate, move |_| path.set(current_path()));
        let clicks = window_event_listener(ev::click, move |event| router.follow_link(&event));
        on_cleanup(move || {
            popstate.remove();
            clicks.remove();
        });
        router
    }

    /// Goes to a page, adding a history entry.
    pub fn go(&self, page: &Page) {
        self.go_to_path(&page.path());
    }

    fn go_to_path(&self, path: &str) {
        if let Some(window) = web_sys::window() {
            if let Ok(history) = window.history() {
                let _ = history.push_state_with_url(&JsValue::NULL, "", Some(&href(path)));
            }
            window.scroll_to_with_x_and_y(0.0, 0.0);
        }
        self.path.set(path.to_string());
        // The new page takes the focus, so a keyboard or screen-reader user starts at its
        // top instead of on whatever the old page's button left behind.
        if let Some(main) = document()
            .get_element_by_id("main")
            .and_then(|m| m.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = main.focus_with_options(&options);
        }
    }

    /// Turns a plain left click on an in-app link into a navigation without a reload.
    fn follow_link(&self, event: &web_sys::MouseEvent) {
        if event.default_prevented()
            || event.button() != 0
            || event.meta_key()
            || event.ctrl_key()
            || event.shift_key()
            || event.alt_key()
        {
            return;
        }
        let anchor = event
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.closest("a[href]").ok().flatten())
            .and_then(|e| e.dyn_into::<web_sys::HtmlAnchorElement>().ok());
        let Some(anchor) = anchor else { return };
        let same_origin = web_sys::window()
            .and_then(|w| w.location().origin().ok())
            .is_some_and(|origin| origin == anchor.origin());
        // Other windows and files are left to the browser.
        if !same_origin || !anchor.target().is_empty() || anchor.has_attribute("download") {
            return;
        }
        let Some(path) = app_path(&anchor.pathname()) else {
            return;
        };
        let hash = anchor.hash();
        // An anchor on this page (the skip link) is the browser's to follow.
        if !hash.is_empty() && path == self.path.get_untracked() {
            return;
        }
        event.prevent_default();
        if path != self.path.get_untracked() {
            self.go_to_path(&path);
        }
        // "/how#massage": keep the fragment in the address, and bring the section (the new
        // page is rendered by now) into view.
        if !hash.is_empty() {
            if let Ok(history) = window().history() {
                let url = format!("{}{hash}", href(&path));
                let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&url));
            }
        }
        if let Some(id) = hash.strip_prefix('#').map(str::to_string) {
            scroll_to_when_shown(id, SCROLL_TRIES);
        }
    }
}

/// How often `scroll_to_when_shown` looks: every 100 ms for 15 seconds, long enough for
/// the pages' part on a slow phone connection.
const SCROLL_TRIES: u32 = 150;

/// Brings the element with `id` into view once the new page shows it: Leptos updates the
/// DOM asynchronously, and a page opened for the first time waits for its code.
fn scroll_to_when_shown(id: String, tries: u32) {
    let wait = if tries == SCROLL_TRIES { 0 } else { 100 };
    set_timeout(
        move || match document().get_element_by_id(&id) {
            Some(target) => target.scroll_into_view(),
            None if tries > 1 => scroll_to_when_shown(id, tries - 1),
            None => {}
        },
        std::time::Duration::from_millis(wait),
    );
}
