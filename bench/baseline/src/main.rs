//! An empty Leptos 0.8 CSR app: the baseline for Restride's size and start-up figures.

use leptos::prelude::*;

fn main() {
    leptos::mount::mount_to_body(|| view! { <p id="baseline">"Hello"</p> });
}
