//! French (`one` covers 0 and 1; `many`, the millions: « 1 000 000 de
//! commentaires »).

use super::{Forms, Words};

/// The French catalogue.
pub static WORDS: Words = Words {
    comments: Forms {
        one: "{n} commentaire",
        many: "{n} de commentaires",
        ..Forms::other("{n} commentaires")
    },
    points: Forms { one: "{n} point", many: "{n} de points", ..Forms::other("{n} points") },
    show_replies: Forms { one: "Afficher {n} réponse", ..Forms::other("Afficher {n} réponses") },
    hide_replies: Forms { one: "Masquer {n} réponse", ..Forms::other("Masquer {n} réponses") },
    continue_thread: Forms {
        one: "Continuer cette discussion ({n} réponse) →",
        ..Forms::other("Continuer cette discussion ({n} réponses) →")
    },
    continue_here: "Continuer cette discussion",
    more_replies_left: Forms::other("Afficher plus de réponses (encore {n})"),
    more_comments_left: Forms::other("Afficher plus de commentaires (encore {n})"),
    more_replies: Forms { one: "{n} autre réponse", ..Forms::other("{n} autres réponses") },
    not_shown: Forms {
        one: "{n} commentaire n’a pas pu être affiché.",
        ..Forms::other("{n} commentaires n’ont pas pu être affichés.")
    },
    too_long: Forms {
        one: "Ce commentaire dépasse la limite de {n} caractère.",
        ..Forms::other("Ce commentaire dépasse la limite de {n} caractères.")
    },
    characters_left: Forms { one: "Encore {n} caractère.", ..Forms::other("Encore {n} caractères.") },
    characters_over: Forms { one: "{n} caractère de trop.", ..Forms::other("{n} caractères de trop.") },
    reply: "Répondre",
    cancel: "Annuler",
    retry: "Réessayer",
    edit: "Modifier",
    sending: "Envoi…",
    posted: "Votre commentaire a été publié.",
    loading: "Chargement…",
    loading_comments: "Chargement des commentaires…",
    anonymous: "Anonyme",
    deleted_author: "[supprimé]",
    deleted_body: "Ce commentaire a été supprimé.",
    empty_body: "Ce commentaire ne contient pas de texte.",
    orphan: "réponse à un commentaire non chargé",
    kept_here: "Vous seul voyez ce commentaire : ce site conserve les commentaires dans votre navigateur.",
    comment_by: "Commentaire de {name}",
    comment_by_anonymous: "Commentaire anonyme",
    deleted_comment: "Commentaire supprimé",
    vote: "Voter",
    upvote: "Voter pour : {label}",
    downvote: "Voter contre : {label}",
    your_comment: "Votre commentaire",
    your_reply: "Votre réponse",
    add_comment: "Ajouter un commentaire…",
    name_optional: "Nom (facultatif)",
    preview: "Aperçu",
    post_comment: "Publier le commentaire",
    send_reply: "Répondre",
    skip: "Passer les commentaires",
    end: "Fin des commentaires",
    back: "← Retour à toute la discussion",
    no_comments: "Aucun commentaire pour l’instant.",
    write_something: "Écrivez quelque chose avant d’envoyer.",
    vote_not_saved: "Votre vote n’a pas été enregistré : {reason}",
    not_sent: "Non envoyé : {reason}",
    sent_reload: "Le serveur a reçu votre commentaire. Rechargez la page pour le voir.",
    not_confirmed: "Non envoyé : la page a été fermée avant la réponse du serveur. Envoyez-le à nouveau ou modifiez-le.",
    write_lost: "le serveur n’a pas répondu. Veuillez réessayer.",
    write_refused: "le serveur l’a refusé. Veuillez réessayer.",
    error_network: "Les commentaires n’ont pas pu être chargés, car le serveur de commentaires ne répond pas. Vérifiez votre connexion, puis réessayez.",
    error_timeout: "Le serveur de commentaires met trop de temps à répondre. Veuillez réessayer.",
    error_not_found: "Les commentaires de cette page sont introuvables. Veuillez réessayer plus tard.",
    error_status: "Le serveur de commentaires ne peut pas envoyer les commentaires pour le moment. Veuillez réessayer dans un instant.",
    error_shape: "Les commentaires sont arrivés sous une forme qui ne peut pas être affichée. Veuillez réessayer plus tard ; si le problème persiste, prévenez le site.",
    error_setup: "Les commentaires de cette page ne sont pas configurés correctement et ne peuvent donc pas être affichés. Veuillez prévenir le site.",
};
