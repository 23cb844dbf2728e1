"""Glossaries: concepts and their relations (concept), the compiled glossary that finds them in
text (model, with the recognisers of terms/), loading the files of glossaries/ (files), the
syntax of match markers (markers), people's names and initials (people), `glossary lint`
(lint), merging an import into a file (merge) and `toolkit terms` (find). The CSV and TBX
formats are toolkit.formats.glossary_csv and toolkit.formats.tbx."""
