//! The views: they render state and dispatch actions, nothing more.

mod article;
mod comment;
mod composer;
mod heading;
mod live;
mod moderation;
mod more;
mod own;
mod rich;
mod sort;
mod status;
mod text;
mod thread;
mod topic;
mod widget;

pub use comment::{comment_renders, CommentNode};
pub use thread::{ThreadProps, ThreadView};
pub use widget::{frame, shown, Widget, WidgetProps};
