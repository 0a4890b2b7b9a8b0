//! A synthetic Reddit-shaped response for the mapping benchmarks: nested
//! listings, realistic field noise, bodies of varied length, a fixed seed.

/// Builds a `/comments/<id>.json`-shaped response with `count` comments.
pub fn reddit_response(count: usize) -> String {
    let mut seed: u64 = 0x5eed;
    let mut next = move |limit: u64| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed % limit
    };
    let words = [
        "the",
        "border",
        "operation",
        "report",
        "army",
        "I",
        "think",
        "this",
        "is",
        "why",
        "not",
        "again",
    ];
    // Parents: a third at top level, the rest under an earlier comment, so depth varies.
    let parents: Vec<Option<usize>> = (0..count)
        .map(|i| {
            if i == 0 || next(3) == 0 {
                None
            } else {
                Some(next(i as u64) as usize)
            }
        })
        .collect();
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); count];
    let mut roots = Vec::new();
    for (i, parent) in parents.iter().enumerate() {
        match parent {
            Some(p) => children[*p].push(i),
            None => roots.push(i),
        }
    }
    let bodies: Vec<String> = (0..count)
        .map(|_| {
            let length = 5 + next(30) as usize;
            (0..length)
                .map(|_| words[next(words.len() as u64) as usize])
                .collect::<Vec<_>>()
                .join(" ")
        })
        .collect();
    let item = |i: usize, replies: String| {
        let parent = parents[i].map_or("t3_post".to_owned(), |p| format!("t1_c{p}"));
        format!(
            r#"{{"kind":"t1","data":{{"subreddit_id":"t5_2qh1f","link_id":"t3_post","likes":null,"saved":false,"id":"c{i}","gilded":0,"archived":false,"author":"reader{}","parent_id":"{parent}","score":{},"controversiality":0,"body":"{}","edited":false,"author_flair_css_class":null,"downs":0,"body_html":"&lt;div class=\"md\"&gt;&lt;p&gt;...&lt;/p&gt;&lt;/div&gt;","subreddit":"worldnews","score_hidden":false,"name":"t1_c{i}","created":{},"created_utc":{},"ups":1,"replies":{replies}}}}}"#,
            i % 997,
            i % 50,
            bodies[i],
            1_505_600_000 + i,
            1_505_600_000 + i,
        )
    };
    // Build bottom-up, without recursion: a node's JSON needs its children's.
    let mut order = Vec::with_capacity(count);
    let mut stack = roots.clone();
    while let Some(i) = stack.pop() {
        order.push(i);
        stack.extend(children[i].iter().copied());
    }
    let mut json: Vec<String> = vec![String::new(); count];
    for &i in order.iter().rev() {
        let replies = if children[i].is_empty() {
            "\"\"".to_owned()
        } else {
            let list: Vec<String> = children[i]
                .iter()
                .map(|c| std::mem::take(&mut json[*c]))
                .collect();
            format!(
                r#"{{"kind":"Listing","data":{{"children":[{}]}}}}"#,
                list.join(",")
            )
        };
        json[i] = item(i, replies);
    }
    let top: Vec<String> = roots
        .iter()
        .map(|r| std::mem::take(&mut json[*r]))
        .collect();
    format!(
        r#"[{{"kind":"Listing","data":{{"children":[{{"kind":"t3","data":{{"id":"post"}}}}]}}}},{{"kind":"Listing","data":{{"children":[{}]}}}}]"#,
        top.join(",")
    )
}
