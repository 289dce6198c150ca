/* jb_word_lists.h — the word lists of templates/words.tsv (what each is, and in what order it
 * is tried, is said there), compiled in by tools/gen-words.awk for the number reader and the
 * extractor (here in core, so every stage may read them). Each is NULL-terminated; static
 * storage, never freed. A list whose lines carry a third column (LIST WORD VALUE) has its
 * values in jb_words_LIST_value, one for each word in the same order. A list declared here
 * and missing from the TSV fails to link. */
#ifndef JB_WORD_LISTS_H
#define JB_WORD_LISTS_H

/* src/number */
extern const char *const jb_words_ratio_verb[];
extern const char *const jb_words_ratio_noun[];
extern const char *const jb_words_duration_hour[];
extern const char *const jb_words_duration_minute[];
extern const char *const jb_words_duration_second[];

/* src/article */
extern const char *const jb_words_page_tool[];
extern const char *const jb_words_filing_label[];
extern const char *const jb_words_issuer_suffix[];
extern const char *const jb_words_data_note[];

/* src/extract */
extern const char *const jb_words_unit_declaration[];
extern const char *const jb_words_unit_currency[];
extern const char *const jb_words_streak_unit[];
extern const char *const jb_words_sorting_verb[];
extern const char *const jb_words_conditional[];
extern const char *const jb_words_change_header[];
extern const char *const jb_words_of_last_figure[];
extern const char *const jb_words_plan_heading[];
extern const char *const jb_words_forecast_word[];
extern const char *const jb_words_forecast_noun[];
extern const char *const jb_words_actual_word[];
extern const char *const jb_words_market_word[];
extern const char *const jb_words_trading_word[];
extern const char *const jb_words_define_word[];
extern const char *const jb_words_summary_label[];
extern const char *const jb_words_hedge[];
extern const char *const jb_words_hedge_value[];
extern const char *const jb_words_decline[];
extern const char *const jb_words_decline_value[];
extern const char *const jb_words_measure[];
extern const char *const jb_words_per_magnitude[];
extern const char *const jb_words_per_noun[];
extern const char *const jb_words_report_short[];
extern const char *const jb_words_report_short_value[];
extern const char *const jb_words_reference_line[];
extern const char *const jb_words_id_header[];
extern const char *const jb_words_value_header[];
extern const char *const jb_words_stock_noun[];
extern const char *const jb_words_stock_unit[];
extern const char *const jb_words_flow_noun[];
extern const char *const jb_words_holding[];
extern const char *const jb_words_pair_word[];
extern const char *const jb_words_pair_word_value[];

#endif
