/* jb_extract_words.h — the word lists of templates/words.tsv (what each is, and in what order
 * it is tried, is said there), compiled in by tools/gen-words.awk. Each is NULL-terminated;
 * static storage, never freed. A list declared here and missing from the TSV fails to link. */
#ifndef JB_EXTRACT_WORDS_H
#define JB_EXTRACT_WORDS_H

extern const char *const jb_words_unit_declaration[];
extern const char *const jb_words_unit_currency[];
extern const char *const jb_words_streak_unit[];
extern const char *const jb_words_sorting_verb[];
extern const char *const jb_words_conditional[];
extern const char *const jb_words_change_header[];
extern const char *const jb_words_plan_heading[];
extern const char *const jb_words_forecast_word[];
extern const char *const jb_words_actual_word[];
extern const char *const jb_words_market_word[];
extern const char *const jb_words_define_word[];

#endif
