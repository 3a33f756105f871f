//! `filmgraph show TITLE`: a film with citations, or a person's credits.

use crate::args::ShowArgs;
use crate::{db, render};
use anyhow::Result;
use filmgraph_store::FilmView;
use std::process::ExitCode;

pub fn run(args: &ShowArgs) -> Result<ExitCode> {
    let db_path = db::path(&args.db)?;
    let store = db::open_existing(&db_path)?;
    let title = args.title.join(" ");
    let show_film = |film: FilmView| -> Result<ExitCode> {
        let redirects = store.redirects_to(&film.entity.name)?;
        print!("{}", render::film(&film, &redirects));
        Ok(ExitCode::SUCCESS)
    };
    if let Some(film) = store.film(&title)? {
        return show_film(film);
    }
    if let Some(person) = store.person(&title)? {
        print!("{}", render::person(&person));
        return Ok(ExitCode::SUCCESS);
    }
    // A title that redirects to a film's (read from a dump).
    if let Some(film) = store.redirected_film(&title)? {
        return show_film(film);
    }
    eprintln!(
        "error: no film or person named \"{title}\" in {}",
        db::describe(&db_path)
    );
    let near = store.search(&title, 5)?;
    if !near.is_empty() {
        let names: Vec<&str> = near.iter().map(|h| h.entity.name.as_str()).collect();
        eprintln!("did you mean: {}?", names.join("; "));
    }
    Ok(ExitCode::FAILURE)
}
