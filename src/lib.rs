//! Restride: a recovery companion for runners that lives entirely in the browser.
//!
//! `domain` is the functional core (plain types, pure functions, tested natively);
//! `route` names the pages and their paths.
//! `store` and `ui` are the browser shell and exist only in the WebAssembly build.

pub mod domain;
/// The pages and their paths: plain Rust, tested natively, used by the shell's router.
pub mod route;

#[cfg(target_arch = "wasm32")]
pub mod store;
#[cfg(target_arch = "wasm32")]
pub mod ui;

/// The body map's shapes are plain data: their tests run natively with the domain's (the
/// rest of `ui` needs a browser). Only the tests read them here.
#[cfg(all(test, not(target_arch = "wasm32")))]
#[allow(dead_code)]
#[path = "ui/massage/body_shapes.rs"]
mod body_shapes;
