//! The JSON API under `/api/`: the shapes of the CLI's `--json`, and errors as
//! `{"error": "...", "code": N}` with the HTTP status `code`. A state-changing request carries
//! the session's CSRF token in the `X-CSRF-Token` header.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::extract::{ConnectInfo, Path, Query, State};
use axum::http::{header, HeaderMap, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde::{Deserialize, Serialize};

use super::auth::Session;
use super::{blocking, App, Failure, SaveRequest};

impl IntoResponse for Failure {
    fn into_response(self) -> Response {
        let body = serde_json::json!({"error": self.message, "code": self.status.as_u16()});
        (self.status, Json(body)).into_response()
    }
}

type Reply = Result<Response, Failure>;

/// The session of a state-changing request, whose CSRF token must be in `X-CSRF-Token`.
fn changing(app: &App, headers: &HeaderMap) -> Result<Session, Failure> {
    let session = app.signed_in(headers)?;
    let given = headers
        .get("x-csrf-token")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("");
    if !super::auth::same_secret(given, &session.csrf) {
        return Err(Failure::new(
            StatusCode::FORBIDDEN,
            "missing or wrong CSRF token (the X-CSRF-Token header)",
        ));
    }
    Ok(session)
}

#[derive(Deserialize)]
pub struct Login {
    handle: String,
    password: String,
}

/// `POST /api/login` `{"handle", "password"}` (team mode): sets the session cookie and answers
/// `{"handle", "csrf"}`.
pub async fn login(
    State(app): State<Arc<App>>,
    ConnectInfo(client): ConnectInfo<SocketAddr>,
    Json(login): Json<Login>,
) -> Reply {
    let id = app.log_in(&client.ip().to_string(), &login.handle, &login.password)?;
    let csrf = app.sessions.get(&id).map(|s| s.csrf).unwrap_or_default();
    Ok((
        [(header::SET_COOKIE, super::session_cookie(&id))],
        Json(serde_json::json!({"handle": login.handle, "csrf": csrf})),
    )
        .into_response())
}

/// `GET /api/status`: `bitext status --json`.
pub async fn status(State(app): State<Arc<App>>, headers: HeaderMap) -> Reply {
    app.signed_in(&headers)?;
    let status = blocking(move || {
        let project = app.project()?;
        let slugs = project.synced_slugs()?;
        let mut status = app.statuses.status(&project, &slugs)?;
        status.skipped = project.skipped_articles()?;
        Ok(status)
    })
    .await?;
    Ok(Json(status).into_response())
}

/// `GET /api/article/LOCALE/SLUG`: the workspace of an article in a locale.
pub async fn article(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    Path((locale, slug)): Path<(String, String)>,
) -> Reply {
    app.signed_in(&headers)?;
    let workspace = blocking(move || workspace(&app, &locale, &slug)).await?;
    Ok(Json(workspace).into_response())
}

/// The workspace of `slug` in `locale`, with the locale's memory.
pub(super) fn workspace(
    app: &App,
    locale: &str,
    slug: &str,
) -> Result<super::views::Workspace, Failure> {
    let project = app.project()?;
    let locale = project.target(locale)?;
    let slug = project
        .synced_slug(slug)
        .map_err(|e| Failure::new(StatusCode::NOT_FOUND, e.to_string()))?;
    let memory = app.memory(&project, &locale)?;
    Ok(super::views::workspace(
        &project,
        &locale,
        &slug,
        Some(&memory),
    )?)
}

/// `POST /api/save` `{"locale", "slug", "id", "text", "seen": {"english", "translation"}}`:
/// 200 with the saved translation and the checks' findings, or 409 with what is there now.
pub async fn save(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    Json(request): Json<SaveRequest>,
) -> Reply {
    let session = changing(&app, &headers)?;
    match blocking(move || super::save(&app, &session, request)).await? {
        Ok(saved) => Ok(Json(saved).into_response()),
        Err(conflict) => Ok(conflict_response(&conflict)),
    }
}

/// HTTP 409 with the segment as it is now.
fn conflict_response(conflict: &crate::translate::Conflict) -> Response {
    let body = serde_json::json!({
        "error": "the segment changed since you saw it: nothing was saved",
        "code": 409,
        "english": conflict.english,
        "translation": conflict.translation,
        "translator": conflict.translator,
    });
    (StatusCode::CONFLICT, Json(body)).into_response()
}

#[derive(Deserialize)]
pub struct Verdict {
    locale: String,
    slug: String,
    id: String,
    note: Option<String>,
}

#[derive(Serialize)]
struct Judged<'a> {
    locale: &'a str,
    slug: &'a str,
    id: &'a str,
    verdict: &'a str,
}

/// `POST /api/approve` `{"locale", "slug", "id"}`.
pub async fn approve(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    Json(verdict): Json<Verdict>,
) -> Reply {
    judge(app, headers, verdict, false).await
}

/// `POST /api/reject` `{"locale", "slug", "id", "note"}`.
pub async fn reject(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    Json(verdict): Json<Verdict>,
) -> Reply {
    judge(app, headers, verdict, true).await
}

async fn judge(app: Arc<App>, headers: HeaderMap, v: Verdict, reject: bool) -> Reply {
    let session = changing(&app, &headers)?;
    let note = if reject {
        Some(v.note.clone().unwrap_or_default())
    } else {
        None
    };
    let (locale, slug, id) = (v.locale.clone(), v.slug.clone(), v.id.clone());
    blocking(move || super::judge(&app, &session, &locale, &slug, &id, note.as_deref())).await?;
    Ok(Json(Judged {
        locale: &v.locale,
        slug: &v.slug,
        id: &v.id,
        verdict: if reject { "rejected" } else { "approved" },
    })
    .into_response())
}

#[derive(Deserialize)]
pub struct Lookup {
    locale: String,
    q: String,
    limit: Option<usize>,
}

/// The memory's matches for `text`: whole sentences first, else (for a few words) the
/// sentences that have them, as `bitext tm` looks up.
pub(super) fn lookup(
    memory: &crate::tm::Memory,
    text: &str,
    limit: usize,
) -> Vec<crate::tm::Match> {
    let matches = memory.lookup(text, limit);
    if matches.is_empty() && crate::text::words(text).len() <= 4 {
        return memory.lookup_words(text, limit);
    }
    matches
}

/// `GET /api/tm?locale=LC&q=TEXT`: `bitext tm --json`.
pub async fn tm(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    Query(lookup_query): Query<Lookup>,
) -> Reply {
    app.signed_in(&headers)?;
    let body = blocking(move || {
        let project = app.project()?;
        let locale = project.target(&lookup_query.locale)?;
        let memory = app.memory(&project, &locale)?;
        let matches = lookup(&memory, &lookup_query.q, lookup_query.limit.unwrap_or(5));
        Ok(serde_json::json!({"locale": locale, "query": lookup_query.q, "matches": matches}))
    })
    .await?;
    Ok(Json(body).into_response())
}

#[derive(Deserialize)]
pub struct SearchQuery {
    pub q: String,
    pub locale: Option<String>,
    #[serde(default)]
    pub regex: bool,
}

/// `GET /api/search?q=TEXT[&locale=LC][&regex=true]`: `bitext search --json`.
pub async fn search(
    State(app): State<Arc<App>>,
    headers: HeaderMap,
    Query(query): Query<SearchQuery>,
) -> Reply {
    app.signed_in(&headers)?;
    let found = blocking(move || run_search(&app, &query)).await?;
    Ok(Json(found).into_response())
}

pub(super) fn run_search(app: &App, query: &SearchQuery) -> Result<crate::search::Search, Failure> {
    let project = app.project()?;
    let locales = match query.locale.as_deref().filter(|l| !l.is_empty()) {
        None => project.config.targets.clone(),
        Some(locale) => vec![project.target(locale)?],
    };
    let q = crate::search::Query::new(&query.q, query.regex)?;
    let slugs = project.synced_slugs()?;
    Ok(crate::search::search(&project, &q, &slugs, &locales)?)
}
