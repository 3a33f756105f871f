//! Prints the facts of plain-text articles as JSON lines, without a database:
//! `cargo run -p filmgraph-extract --example facts -- FILE...`.
//! The `filmgraph facts` command does the same with error reporting.

fn main() {
    for path in std::env::args().skip(1) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            eprintln!("{path}: cannot read as UTF-8 text");
            continue;
        };
        let article = filmgraph_parse::parse(&text, filmgraph_parse::Format::PlainText);
        for fact in filmgraph_extract::extract(&article) {
            println!("{}", serde_json::to_string(&fact).expect("facts serialise"));
        }
    }
}
