//! `threadline-render thread.json [--name value]...`: prints the prerendered
//! widget (the article and the first screen of comments) for a page to
//! include where the widget goes. Settings are the script tag's, in their
//! attribute spelling without `data-`: `--src` (the same URL as the tag's
//! `data-src`; the file's path without it), `--preset`, `--mapping`,
//! `--lang`, `--max-depth`...

#[cfg(not(target_arch = "wasm32"))]
fn main() -> std::process::ExitCode {
    let mut args = std::env::args().skip(1);
    let Some(file) = args.next().filter(|file| !file.starts_with("--")) else {
        eprintln!("usage: threadline-render thread.json [--src URL] [--preset NAME] [--lang CODE] [--max-depth N]...");
        return std::process::ExitCode::from(2);
    };
    let mut settings = vec![("src".to_owned(), file.clone())];
    while let (Some(name), Some(value)) = (args.next(), args.next()) {
        // `--max-depth` is `maxDepth`, as the dataset names `data-max-depth`.
        let mut camel = String::new();
        let mut upper = false;
        for c in name.trim_start_matches('-').chars() {
            match c {
                '-' => upper = true,
                c if upper => {
                    camel.extend(c.to_uppercase());
                    upper = false;
                }
                c => camel.push(c),
            }
        }
        settings.insert(0, (camel, value));
    }
    let setting = |name: &str| {
        settings
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.clone())
    };
    let rendered = std::fs::read(&file)
        .map_err(|error| format!("cannot read {file}: {error}"))
        .and_then(|body| threadline::prerender::render(&body, setting));
    match rendered {
        Ok(html) => {
            print!("{html}");
            std::process::ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("threadline-render: {message}");
            std::process::ExitCode::FAILURE
        }
    }
}

/// The command is native only; the wasm build has nothing to run.
#[cfg(target_arch = "wasm32")]
fn main() {}
