//! The pure core: everything that needs no browser, tested with `cargo test`.

pub mod config;
pub mod endpoint;
pub mod entities;
mod entity_table;
pub mod html;
pub mod live;
pub mod load;
pub mod mapping;
pub mod markdown;
pub mod model;
pub mod moderation;
pub mod pages;
pub mod paging;
pub mod path;
pub mod posts;
pub mod rich;
pub mod sort;
pub mod state;
pub mod store;
pub mod template;
pub mod text;
pub mod time;
pub mod url;
pub mod visits;
pub mod votes;
pub mod words;
pub mod writes;
