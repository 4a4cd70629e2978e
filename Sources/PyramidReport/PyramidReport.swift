/// Pure renderers from the model's values to Markdown, HTML, JSON and CSV (see the report issue).
enum PyramidReport {}
