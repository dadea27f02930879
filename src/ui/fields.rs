//! Form fields shared by the run, massage and race forms: a labelled text input with its
//! message beside it, wired to a draft signal and that form's field errors.
//!
//! A form's fields are an enum (`FormField`) whose order is the form's order, so the
//! first message in an error map is the one that takes the focus.

use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use std::collections::BTreeMap;
use wasm_bindgen::JsCast;

pub type Errors<F> = BTreeMap<F, String>;

pub trait FormField: Copy + Ord + Send + Sync + 'static {
    /// The id of the field's input (or of the element that takes the focus for it).
    fn input_id(self) -> &'static str;

    fn error_id(self) -> String {
        format!("{}-error", self.input_id())
    }
}

/// Moves the focus to the first field with a message.
pub fn focus_first_error<F: FormField>(errors: &Errors<F>) {
    let Some(field) = errors.keys().next() else {
        return;
    };
    if let Some(element) = document()
        .get_element_by_id(field.input_id())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    {
        let _ = element.focus();
    }
}

/// `aria-invalid` for a field.
pub fn aria_invalid<F: FormField>(errors: Memo<Errors<F>>, field: F) -> &'static str {
    if errors.with(|e| e.contains_key(&field)) {
        "true"
    } else {
        "false"
    }
}

/// `aria-describedby` for a field: its message, while it has one.
pub fn described_by<F: FormField>(errors: Memo<Errors<F>>, field: F) -> Option<String> {
    errors
        .with(|e| e.contains_key(&field))
        .then(|| field.error_id())
}

#[component]
pub fn FieldMessage<F: FormField>(field: F, errors: Memo<Errors<F>>) -> impl IntoView {
    move || {
        errors.with(|e| e.get(&field).cloned()).map(|message| {
            view! {
                <p class="field-error" id=field.error_id()>
                    {message}
                </p>
            }
        })
    }
}

#[component]
pub fn TextField<D, F>(
    field: F,
    #[prop(into)] label: Signal<String>,
    draft: RwSignal<D>,
    errors: Memo<Errors<F>>,
    get: fn(&D) -> String,
    set: fn(&mut D, String),
    #[prop(default = "text")] input_type: &'static str,
    #[prop(default = "text")] inputmode: &'static str,
    #[prop(optional)] placeholder: &'static str,
    #[prop(optional, into)] max: Option<Signal<String>>,
    #[prop(optional, into)] hint: Option<Signal<Option<String>>>,
    #[prop(optional)] optional: bool,
) -> impl IntoView
where
    D: Send + Sync + 'static,
    F: FormField,
{
    let id = field.input_id();
    view! {
        <div class="field" class:invalid=move || errors.with(|e| e.contains_key(&field))>
            <label for=id>
                {label}
                {optional.then(|| view! { <span class="optional">" (optional)"</span> })}
            </label>
            <input
                id=id
                type=input_type
                inputmode=inputmode
                placeholder=placeholder
                max=move || max.map(|m| m.get())
                autocomplete="off"
                aria-invalid=move || aria_invalid(errors, field)
                aria-describedby=move || described_by(errors, field)
                prop:value=move || draft.with(get)
                on:input=move |ev| draft.update(|d| set(d, event_target_value(&ev)))
            />
            {move || {
                hint.and_then(|hint| hint.get())
                    .map(|text| view! { <p class="muted hint">{text}</p> })
            }}
            <FieldMessage field errors />
        </div>
    }
}

/// A form around one validation function: the draft as typed, its errors (none until
/// the first submit, then live as the runner fixes things, so nobody is scolded while
/// still typing) and the submit handler, which saves a valid record or focuses the first
/// message. `check` may read signals (the unit): the errors follow them.
pub fn draft_form<D, F, R>(
    initial: D,
    check: impl Fn(&D) -> Result<R, Errors<F>> + Clone + Send + Sync + 'static,
    on_save: impl Fn(R) + 'static,
) -> (RwSignal<D>, Memo<Errors<F>>, impl Fn(SubmitEvent) + 'static)
where
    D: Send + Sync + 'static,
    F: FormField,
{
    let draft = RwSignal::new(initial);
    let tried = RwSignal::new(false);
    let live_check = check.clone();
    let errors = Memo::new(move |_| {
        if !tried.get() {
            return Errors::new();
        }
        draft.with(|d| live_check(d)).err().unwrap_or_default()
    });
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        match untrack(|| draft.with(|d| check(d))) {
            Ok(record) => on_save(record),
            Err(found) => {
                tried.set(true);
                focus_first_error(&found);
            }
        }
    };
    (draft, errors, submit)
}

/// A select of an enum's values, wired to a draft field.
#[component]
pub fn SelectField<D, T>(
    id: &'static str,
    label: &'static str,
    draft: RwSignal<D>,
    options: &'static [T],
    key: fn(T) -> &'static str,
    text: fn(T) -> &'static str,
    get: fn(&D) -> T,
    set: fn(&mut D, T),
) -> impl IntoView
where
    D: Send + Sync + 'static,
    T: Copy + PartialEq + Send + Sync + 'static,
{
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select
                id=id
                on:change=move |ev| {
                    let chosen = event_target_value(&ev);
                    if let Some(value) = options.iter().copied().find(|o| key(*o) == chosen) {
                        draft.update(|d| set(d, value));
                    }
                }
            >
                {options
                    .iter()
                    .copied()
                    .map(|option| {
                        view! {
                            <option value=key(option) selected=move || draft.with(|d| get(d) == option)>
                                {text(option)}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

/// Optional notes with a character counter; `max_chars` is the domain's limit, which
/// the field's message enforces.
#[component]
pub fn NotesField<D, F>(
    field: F,
    draft: RwSignal<D>,
    errors: Memo<Errors<F>>,
    get: fn(&D) -> &str,
    set: fn(&mut D, String),
    max_chars: usize,
) -> impl IntoView
where
    D: Send + Sync + 'static,
    F: FormField,
{
    let id = field.input_id();
    view! {
        <div class="field">
            <label for=id>"Notes" <span class="optional">" (optional)"</span></label>
            <textarea
                id=id
                rows="3"
                aria-invalid=move || aria_invalid(errors, field)
                aria-describedby=move || described_by(errors, field)
                prop:value=move || draft.with(|d| get(d).to_string())
                on:input=move |ev| draft.update(|d| set(d, event_target_value(&ev)))
            ></textarea>
            <p class="muted counter">
                {move || format!("{} / {max_chars}", draft.with(|d| get(d).chars().count()))}
            </p>
            <FieldMessage field errors />
        </div>
    }
}
