//! Small SVG charts drawn by Leptos: bars and lines over days or weeks.
//!
//! Each chart is a `<figure>` with a title, a text summary for screen readers, a readout
//! of the day under the pointer or the keyboard, and a "Show as table" toggle.

use crate::domain::text::decimal::fixed;
use crate::domain::text::units::round_u64;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

const WIDTH: f64 = 320.0;
const HEIGHT: f64 = 140.0;
const PAD_TOP: f64 = 8.0;
const PAD_BOTTOM: f64 = 18.0;

/// One line or bar series.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub name: &'static str,
    /// CSS class giving the colour and the style (`bar` or a line class).
    pub class: &'static str,
    pub values: Vec<f64>,
    pub bars: bool,
}

impl Series {
    pub fn bars(name: &'static str, class: &'static str, values: Vec<f64>) -> Series {
        Series {
            name,
            class,
            values,
            bars: true,
        }
    }

    pub fn line(name: &'static str, class: &'static str, values: Vec<f64>) -> Series {
        Series {
            name,
            class,
            values,
            bars: false,
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChartData {
    pub title: &'static str,
    pub summary: String,
    /// One label per point (a date), shown in the readout and the table.
    pub labels: Vec<String>,
    pub series: Vec<Series>,
    /// Formats a value for the readout and the table.
    pub decimals: u8,
}

/// Maps values onto the chart's height; the range always includes 0.
struct Scale {
    min: f64,
    max: f64,
}

impl Scale {
    fn of(series: &[Series]) -> Scale {
        let values = series
            .iter()
            .flat_map(|s| s.values.iter().copied())
            .filter(|v| v.is_finite());
        let (min, max) = values.fold((0.0f64, 0.0f64), |(lo, hi), v| (lo.min(v), hi.max(v)));
        Scale {
            min,
            max: if max - min < 1e-9 { min + 1.0 } else { max },
        }
    }

    fn y(&self, value: f64) -> f64 {
        let usable = HEIGHT - PAD_TOP - PAD_BOTTOM;
        PAD_TOP + usable * (1.0 - (value - self.min) / (self.max - self.min))
    }
}

fn x_of(index: usize, count: usize) -> f64 {
    let step = WIDTH / count.max(1) as f64;
    step * index as f64 + step / 2.0
}

fn line_path(values: &[f64], scale: &Scale) -> String {
    let count = values.len();
    values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let command = if i == 0 { 'M' } else { 'L' };
            format!(
                "{command}{},{}",
                fixed(x_of(i, count), 1),
                fixed(scale.y(*v), 1)
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// The day whose column is under the pointer: the plot is `count` equal columns across
/// the element's width.
fn day_under(event: &leptos::ev::MouseEvent, count: usize) -> Option<usize> {
    let element = event
        .current_target()?
        .dyn_into::<web_sys::Element>()
        .ok()?;
    let rect = element.get_bounding_client_rect();
    let last = count.checked_sub(1)?;
    if rect.width() <= 0.0 {
        return None;
    }
    let share = (f64::from(event.client_x()) - rect.left()) / rect.width();
    // Truncation is the intent: column i spans [i, i + 1) / count.
    let column = round_u64((share * count as f64).floor());
    Some(usize::try_from(column).unwrap_or(last).min(last))
}

#[component]
pub fn Chart(data: ChartData) -> impl IntoView {
    let count = data.labels.len();
    let scale = Scale::of(&data.series);
    let selected = RwSignal::new(count.checked_sub(1));
    let as_table = RwSignal::new(false);
    let data = StoredValue::new(data);
    let step = WIDTH / count.max(1) as f64;
    let zero_y = scale.y(0.0);

    let shapes = data.with_value(|d| {
        d.series
            .iter()
            .map(|s| {
                if s.bars {
                    s.values
                        .iter()
                        .enumerate()
                        .map(|(i, v)| {
                            let y = scale.y(v.max(0.0));
                            view! {
                                <rect
                                    class=s.class
                                    x=fixed(x_of(i, count) - step * 0.35, 1).to_string()
                                    y=fixed(y, 1).to_string()
                                    width=fixed(step * 0.7, 1).to_string()
                                    height=fixed((zero_y - y).max(0.0), 1).to_string()
                                />
                            }
                        })
                        .collect_view()
                        .into_any()
                } else {
                    view! { <path class=s.class d=line_path(&s.values, &scale) /> }.into_any()
                }
            })
            .collect_view()
    });

    let readout = move || {
        let index = selected.get()?;
        data.with_value(|d| {
            let values = d
                .series
                .iter()
                .map(|s| {
                    format!(
                        "{} {}",
                        s.name,
                        fixed(s.values.get(index).copied().unwrap_or(0.0), d.decimals)
                    )
                })
                .collect::<Vec<_>>()
                .join(" · ");
            Some(format!(
                "{}: {values}",
                d.labels.get(index).cloned().unwrap_or_default()
            ))
        })
    };
    let move_selection = move |ev: leptos::ev::KeyboardEvent| {
        let last = count.saturating_sub(1);
        let current = selected.get_untracked().unwrap_or(last);
        let next = match ev.key().as_str() {
            "ArrowLeft" => current.saturating_sub(1),
            "ArrowRight" => (current + 1).min(last),
            "Home" => 0,
            "End" => last,
            _ => return,
        };
        ev.prevent_default();
        selected.set(Some(next));
    };
    let marker_x = move || selected.get().map(|i| fixed(x_of(i, count), 1).to_string());
    let title = data.with_value(|d| d.title);
    let summary = data.with_value(|d| d.summary.clone());
    let legend = data.with_value(|d| {
        d.series
            .iter()
            .map(|s| view! { <span class=format!("legend {}", s.class)>{s.name}</span> })
            .collect_view()
    });

    view! {
        <figure class="chart">
            <figcaption>
                <h3>{title}</h3>
                <p class="muted">{summary}</p>
            </figcaption>
            <p class="legend-row" aria-hidden="true">
                {legend}
            </p>
            <p class="readout" aria-live="polite">
                {readout}
            </p>
            <div
                class="chart-area"
                tabindex="0"
                role="group"
                aria-label=format!("{title}: use the left and right arrow keys to read each point")
                on:keydown=move_selection
            >
                <svg viewBox=format!("0 0 {} {}", fixed(WIDTH, 0), fixed(HEIGHT, 0)) preserveAspectRatio="none" aria-hidden="true">
                    <line class="axis" x1="0" x2=fixed(WIDTH, 0).to_string() y1=fixed(zero_y, 1).to_string() y2=fixed(zero_y, 1).to_string() />
                    {shapes}
                    {move || {
                        marker_x()
                            .map(|x| {
                                view! {
                                    <line class="marker" x1=x.clone() x2=x y1=fixed(PAD_TOP, 1).to_string() y2=fixed(HEIGHT - PAD_BOTTOM, 1).to_string() />
                                }
                            })
                    }}
                    // One surface for the pointer, not a rectangle per day: the day is
                    // worked out from where the pointer is.
                    <rect
                        class="hit"
                        x="0"
                        y="0"
                        width=fixed(WIDTH, 0).to_string()
                        height=fixed(HEIGHT, 0).to_string()
                        on:mousemove=move |ev| selected.set(day_under(&ev, count))
                        on:click=move |ev| selected.set(day_under(&ev, count))
                    />
                </svg>
            </div>
            <button
                type="button"
                class="link-button"
                aria-expanded=move || as_table.get().to_string()
                on:click=move |_| as_table.update(|t| *t = !*t)
            >
                {move || if as_table.get() { "Hide table" } else { "Show as table" }}
            </button>
            <Show when=move || as_table.get()>
                // The table scrolls, so it takes the focus to be scrolled with the keyboard.
                <div class="table-scroll" tabindex="0" role="region" aria-label=format!("{title}, table")>
                    <table>
                        <caption class="visually-hidden">{title}</caption>
                        <thead>
                            <tr>
                                <th scope="col">"Date"</th>
                                {data
                                    .with_value(|d| {
                                        d.series
                                            .iter()
                                            .map(|s| view! { <th scope="col">{s.name}</th> })
                                            .collect_view()
                                    })}
                            </tr>
                        </thead>
                        <tbody>
                            {data
                                .with_value(|d| {
                                    (0..count)
                                        .rev()
                                        .map(|i| {
                                            view! {
                                                <tr>
                                                    <th scope="row">{d.labels.get(i).cloned().unwrap_or_default()}</th>
                                                    {d
                                                        .series
                                                        .iter()
                                                        .map(|s| {
                                                            view! {
                                                                <td>
                                                                    {fixed(
                                                                            s.values.get(i).copied().unwrap_or(0.0),
                                                                            d.decimals,
                                                                        )
                                                                        .to_string()}
                                                                </td>
                                                            }
                                                        })
                                                        .collect_view()}
                                                </tr>
                                            }
                                        })
                                        .collect_view()
                                })}
                        </tbody>
                    </table>
                </div>
            </Show>
        </figure>
    }
}
