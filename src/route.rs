//! The app's pages and their paths, both ways. Plain Rust with no browser types, so the
//! routes are tested natively; `ui::router` follows links and the back button with them.

use crate::domain::record::region::Region;

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Page {
    Today,
    Log,
    History,
    EditRun(String),
    Massage,
    LogMassage,
    EditMassage(String),
    NewRace,
    EditRace(String),
    /// Today's routine, or one region's.
    Routine(Option<Region>),
    Settings,
    Import,
    How,
    NotFound,
}

/// The navigation tabs; every page belongs to one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Today,
    Log,
    Massage,
    History,
    Settings,
}

impl Page {
    /// The page for an app path (without the base), e.g. "/runs/abc".
    pub fn of(path: &str) -> Page {
        let trimmed = path.trim_end_matches('/');
        match trimmed {
            "" => Page::Today,
            "/log" => Page::Log,
            "/history" => Page::History,
            "/settings" => Page::Settings,
            "/how" => Page::How,
            "/massage" => Page::Massage,
            "/massage/log" => Page::LogMassage,
            "/races/new" => Page::NewRace,
            "/routine" => Page::Routine(None),
            "/import" => Page::Import,
            _ => {
                let (prefix, id) = trimmed
                    .rsplit_once('/')
                    .filter(|(_, id)| !id.is_empty())
                    .unwrap_or(("", ""));
                match prefix {
                    "/runs" => Page::EditRun(id.to_string()),
                    "/massages" => Page::EditMassage(id.to_string()),
                    "/races" => Page::EditRace(id.to_string()),
                    "/routine" => Region::ALL
                        .into_iter()
                        .find(|r| r.key() == id)
                        .map_or(Page::NotFound, |r| Page::Routine(Some(r))),
                    _ => Page::NotFound,
                }
            }
        }
    }

    /// The app path of the page (without the base): `Page::of(&page.path())` is `page`.
    pub fn path(&self) -> String {
        match self {
            Page::Today => "/".into(),
            Page::Log => "/log".into(),
            Page::History => "/history".into(),
            Page::EditRun(id) => format!("/runs/{id}"),
            Page::Massage => "/massage".into(),
            Page::LogMassage => "/massage/log".into(),
            Page::EditMassage(id) => format!("/massages/{id}"),
            Page::NewRace => "/races/new".into(),
            Page::EditRace(id) => format!("/races/{id}"),
            Page::Routine(None) => "/routine".into(),
            Page::Routine(Some(region)) => format!("/routine/{}", region.key()),
            Page::Settings => "/settings".into(),
            Page::Import => "/import".into(),
            Page::How => "/how".into(),
            Page::NotFound => "/not-found".into(),
        }
    }

    /// The tab the page belongs to (the one marked current while it is shown).
    pub fn section(&self) -> Option<Section> {
        match self {
            Page::Today | Page::How => Some(Section::Today),
            Page::Log => Some(Section::Log),
            Page::Massage
            | Page::LogMassage
            | Page::NewRace
            | Page::EditRace(_)
            | Page::Routine(_) => Some(Section::Massage),
            Page::History | Page::EditRun(_) | Page::EditMassage(_) => Some(Section::History),
            Page::Settings | Page::Import => Some(Section::Settings),
            Page::NotFound => None,
        }
    }
}

impl Section {
    pub const ALL: [Section; 5] = [
        Section::Today,
        Section::Log,
        Section::Massage,
        Section::History,
        Section::Settings,
    ];

    /// The page a tab opens.
    pub fn page(self) -> Page {
        match self {
            Section::Today => Page::Today,
            Section::Log => Page::Log,
            Section::Massage => Page::Massage,
            Section::History => Page::History,
            Section::Settings => Page::Settings,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn every_page() -> Vec<Page> {
        let mut pages = vec![
            Page::Today,
            Page::Log,
            Page::History,
            Page::EditRun("r-1".into()),
            Page::Massage,
            Page::LogMassage,
            Page::EditMassage("m-1".into()),
            Page::NewRace,
            Page::EditRace("race-1".into()),
            Page::Routine(None),
            Page::Settings,
            Page::Import,
            Page::How,
            Page::NotFound,
        ];
        pages.extend(Region::ALL.map(|r| Page::Routine(Some(r))));
        pages
    }

    #[test]
    fn every_page_reads_back_from_its_path() {
        for page in every_page() {
            assert_eq!(Page::of(&page.path()), page, "{}", page.path());
        }
    }

    #[test]
    fn paths_as_typed_or_linked() {
        assert_eq!(Page::of(""), Page::Today);
        assert_eq!(Page::of("/history/"), Page::History);
        assert_eq!(
            Page::of("/routine/hips_it_band"),
            Page::Routine(Some(Region::HipsItBand))
        );
        assert_eq!(Page::of("/routine/elbows"), Page::NotFound);
        assert_eq!(Page::of("/runs/"), Page::NotFound);
        assert_eq!(Page::of("/runs/a/b"), Page::NotFound);
        assert_eq!(Page::of("/races/new"), Page::NewRace);
        assert_eq!(Page::of("/races/x"), Page::EditRace("x".into()));
    }

    #[test]
    fn every_page_but_not_found_has_a_tab_whose_page_is_in_it() {
        for page in every_page() {
            assert_eq!(page.section().is_none(), page == Page::NotFound, "{page:?}");
        }
        for section in Section::ALL {
            assert_eq!(section.page().section(), Some(section));
        }
    }
}
