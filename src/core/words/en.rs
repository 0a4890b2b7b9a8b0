//! English.

use super::{Forms, Words};

/// The English catalogue.
pub static WORDS: Words = Words {
    comments: Forms { one: "{n} comment", ..Forms::other("{n} comments") },
    points: Forms { one: "{n} point", ..Forms::other("{n} points") },
    show_replies: Forms { one: "Show {n} reply", ..Forms::other("Show {n} replies") },
    hide_replies: Forms { one: "Hide {n} reply", ..Forms::other("Hide {n} replies") },
    continue_thread: Forms {
        one: "Continue this thread ({n} reply) →",
        ..Forms::other("Continue this thread ({n} replies) →")
    },
    continue_here: "Continue this thread",
    more_replies_left: Forms::other("Show more replies ({n} left)"),
    more_comments_left: Forms::other("Show more comments ({n} left)"),
    more_replies: Forms { one: "{n} more reply", ..Forms::other("{n} more replies") },
    not_shown: Forms {
        one: "{n} comment could not be shown.",
        ..Forms::other("{n} comments could not be shown.")
    },
    too_long: Forms {
        one: "This comment is {n} character too long.",
        ..Forms::other("This comment is {n} characters too long.")
    },
    characters_left: Forms { one: "{n} character left.", ..Forms::other("{n} characters left.") },
    characters_over: Forms {
        one: "{n} character too many.",
        ..Forms::other("{n} characters too many.")
    },
    reply: "Reply",
    cancel: "Cancel",
    retry: "Retry",
    edit: "Edit",
    sending: "Sending…",
    posted: "Your comment was posted.",
    loading: "Loading…",
    loading_comments: "Loading comments…",
    anonymous: "Anonymous",
    deleted_author: "[deleted]",
    deleted_body: "This comment was deleted.",
    empty_body: "This comment has no text.",
    orphan: "reply to a comment that is not loaded",
    kept_here: "Only you can see this comment: this site keeps comments in your browser.",
    comment_by: "Comment by {name}",
    comment_by_anonymous: "Comment by an anonymous reader",
    deleted_comment: "Deleted comment",
    vote: "Vote",
    upvote: "Upvote: {label}",
    downvote: "Downvote: {label}",
    your_comment: "Your comment",
    your_reply: "Your reply",
    add_comment: "Add a comment…",
    name_optional: "Name (optional)",
    preview: "Preview",
    post_comment: "Post comment",
    send_reply: "Reply",
    skip: "Skip comments",
    end: "End of comments",
    back: "← Back to the whole thread",
    no_comments: "No comments yet.",
    write_something: "Write something before sending.",
    vote_not_saved: "Your vote was not saved: {reason}",
    not_sent: "Not sent: {reason}",
    sent_reload: "The server took your comment. Reload the page to see it.",
    not_confirmed: "Not sent: the page was closed before the server answered. Send it again, or edit it.",
    write_lost: "the server did not answer. Please try again.",
    write_refused: "the server turned it down. Please try again.",
    error_network: "The comments could not be loaded because the comment server did not answer. Check your connection, then try again.",
    error_timeout: "The comment server is taking too long to answer. Please try again.",
    error_not_found: "The comments for this page could not be found. Please try again later.",
    error_status: "The comment server could not send the comments just now. Please try again in a moment.",
    error_shape: "The comments arrived in a form that cannot be shown. Please try again later; if this keeps happening, let the site know.",
    error_setup: "The comments on this page are not set up correctly, so they cannot be shown. Please let the site know.",
};
