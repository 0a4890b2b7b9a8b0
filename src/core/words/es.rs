//! Spanish (`many`, the millions: «1 000 000 de comentarios»).

use super::{Forms, Words};

/// The Spanish catalogue.
pub static WORDS: Words = Words {
    comments: Forms {
        one: "{n} comentario",
        many: "{n} de comentarios",
        ..Forms::other("{n} comentarios")
    },
    points: Forms { one: "{n} punto", many: "{n} de puntos", ..Forms::other("{n} puntos") },
    show_replies: Forms { one: "Mostrar {n} respuesta", ..Forms::other("Mostrar {n} respuestas") },
    hide_replies: Forms { one: "Ocultar {n} respuesta", ..Forms::other("Ocultar {n} respuestas") },
    continue_thread: Forms {
        one: "Continuar este hilo ({n} respuesta) →",
        ..Forms::other("Continuar este hilo ({n} respuestas) →")
    },
    continue_here: "Continuar este hilo",
    more_replies_left: Forms {
        one: "Mostrar más respuestas (queda {n})",
        ..Forms::other("Mostrar más respuestas (quedan {n})")
    },
    new_comments: Forms { one: "{n} nuevo", ..Forms::other("{n} nuevos") },
    more_comments_left: Forms {
        one: "Mostrar más comentarios (queda {n})",
        ..Forms::other("Mostrar más comentarios (quedan {n})")
    },
    more_replies: Forms { one: "{n} respuesta más", ..Forms::other("{n} respuestas más") },
    not_shown: Forms {
        one: "No se pudo mostrar {n} comentario.",
        ..Forms::other("No se pudieron mostrar {n} comentarios.")
    },
    too_long: Forms {
        one: "Este comentario tiene {n} carácter de más.",
        ..Forms::other("Este comentario tiene {n} caracteres de más.")
    },
    characters_left: Forms { one: "Queda {n} carácter.", ..Forms::other("Quedan {n} caracteres.") },
    characters_over: Forms { one: "{n} carácter de más.", ..Forms::other("{n} caracteres de más.") },
    reply: "Responder",
    cancel: "Cancelar",
    retry: "Reintentar",
    edit: "Editar",
    sending: "Enviando…",
    posted: "Tu comentario se publicó.",
    loading: "Cargando…",
    loading_comments: "Cargando comentarios…",
    anonymous: "Anónimo",
    deleted_author: "[eliminado]",
    deleted_body: "Este comentario se eliminó.",
    empty_body: "Este comentario no tiene texto.",
    orphan: "respuesta a un comentario que no está cargado",
    kept_here: "Solo tú puedes ver este comentario: este sitio guarda los comentarios en tu navegador.",
    comment_by: "Comentario de {name}",
    comment_by_anonymous: "Comentario anónimo",
    deleted_comment: "Comentario eliminado",
    vote: "Votar",
    upvote: "Votar a favor: {label}",
    downvote: "Votar en contra: {label}",
    your_comment: "Tu comentario",
    your_reply: "Tu respuesta",
    add_comment: "Añade un comentario…",
    name_optional: "Nombre (opcional)",
    preview: "Vista previa",
    post_comment: "Publicar comentario",
    send_reply: "Responder",
    new_badge: "Nuevo",
    next_new: "Siguiente comentario nuevo",
    sort_by: "Ordenar por",
    order_site: "Orden del sitio",
    order_best: "Mejores",
    order_top: "Más votados",
    order_new: "Más recientes",
    order_old: "Más antiguos",
    order_controversial: "Polémicos",
    skip: "Saltar los comentarios",
    end: "Fin de los comentarios",
    back: "← Volver a todo el hilo",
    no_comments: "Todavía no hay comentarios.",
    write_something: "Escribe algo antes de enviar.",
    vote_not_saved: "Tu voto no se guardó: {reason}",
    not_sent: "No enviado: {reason}",
    sent_reload: "El servidor recibió tu comentario. Recarga la página para verlo.",
    not_confirmed: "No enviado: la página se cerró antes de que respondiera el servidor. Envíalo de nuevo o edítalo.",
    write_lost: "el servidor no respondió. Vuelve a intentarlo.",
    write_refused: "el servidor lo rechazó. Vuelve a intentarlo.",
    error_network: "No se pudieron cargar los comentarios porque el servidor de comentarios no responde. Comprueba tu conexión y vuelve a intentarlo.",
    error_timeout: "El servidor de comentarios tarda demasiado en responder. Vuelve a intentarlo.",
    error_not_found: "No se encontraron los comentarios de esta página. Vuelve a intentarlo más tarde.",
    error_status: "El servidor de comentarios no puede enviar los comentarios ahora mismo. Vuelve a intentarlo en un momento.",
    error_shape: "Los comentarios llegaron en un formato que no se puede mostrar. Vuelve a intentarlo más tarde; si sigue pasando, avisa al sitio.",
    error_setup: "Los comentarios de esta página no están bien configurados, así que no se pueden mostrar. Avisa al sitio.",
};
