//! The runner's data as files and stored text: the stored format, import, export, quota.

pub mod envelope;
pub mod export;
pub mod import;
pub mod quota;
pub mod safekeeping;
