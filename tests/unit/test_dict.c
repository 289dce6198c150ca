/* jb_dict: the shipped dictionary — its size, aliases in both scripts, growth rates named by
 * the subject, changes on another base, and no phrase claimed by two metrics. */
#include "jb_dict.h"
#include "tap.h"

static JbDict *dict;

static void is_match(const char *context, const char *subject, const char *unit, const char *want,
                     const char *why)
{
    const JbMetric *m = jb_dict_match(dict, context, subject, unit);
    is_str(m ? m->id : NULL, want, "%s: %s (%s)", why, context, unit);
}

int main(void)
{
    GError *e = NULL;
    dict = jb_dict_load("templates/metrics.ini", &e);
    ok(dict != NULL, "the shipped dictionary loads: no alias claimed twice%s%s", e ? ": " : "",
       e ? e->message : "");
    if (!dict)
        return tap_done();
    guint n = jb_dict_n_metrics(dict);
    ok(n >= 150, "at least 150 metrics (%u)", n);

    /* Stricter than the loader: one phrase names one metric of a unit, whatever the subject;
     * every metric has a label, an alias and, where it has a traditional spelling, both. */
    g_autoptr(GHashTable) seen = g_hash_table_new_full(g_str_hash, g_str_equal, g_free, NULL);
    guint dup = 0, bare = 0;
    for (guint i = 0; i < n; i++) {
        const JbMetric *m = jb_dict_nth(dict, i);
        if (!m->aliases[0] || !*m->label)
            bare++;
        for (char **a = m->aliases; *a; a++) {
            char *key = g_strdup_printf("%s\t%s", m->unit, *a);
            const JbMetric *other = g_hash_table_lookup(seen, key);
            if (other) {
                dup++;
                printf("# '%s' (%s) is both %s's and %s's\n", *a, m->unit, other->id, m->id);
                g_free(key);
            } else
                g_hash_table_insert(seen, key, (gpointer)m);
        }
    }
    ok(dup == 0, "no alias is claimed by two metrics of one unit (%u are)", dup);
    ok(bare == 0, "every metric has a label and an alias (%u lack one)", bare);

    /* Simplified and traditional spellings name the same metric. */
    const struct {
        const char *context, *subject, *unit, *want, *why;
    } cases[] = {
        {"前三季度国内生产总值", NULL, "元", "macro.gdp", "simplified"},
        {"前三季度國內生產總值", NULL, "元", "macro.gdp", "traditional"},
        {"1—9月份，社会消费品零售总额", NULL, "元", "consumption.retail_sales", "simplified"},
        {"社會消費品零售總額", NULL, "元", "consumption.retail_sales", "traditional"},
        {"全国规模以上工业增加值同比增长", NULL, "%", "industry.value_added_growth",
         "a growth rate"},
        {"規模以上工業增加值按年增長", NULL, "%", "industry.value_added_growth", "traditional"},
        {"內地首季經濟按年增長", NULL, "%", "macro.gdp_growth", "Hong Kong's wording"},
        {"新能源汽车产量", NULL, "辆", "nev.production", "EVs"},
        {"新能源汽車產量", NULL, "輛", "nev.production",
         "a unit in traditional script is its simplified kin"},
        {"新能源汽車產量", NULL, "台", NULL, "a unit other than the metric's is another unit"},
        {"全国充电基础设施总数", NULL, "台", "charging.infrastructure", "charging"},
        {"全國充電基礎設施總數", NULL, "台", "charging.infrastructure", "traditional"},
        {"集成电路产量", NULL, "块", "industry.ic_output", "semiconductors"},
        {"集成電路產量", NULL, "块", "industry.ic_output", "traditional"},
        {"制造业采购经理指数（PMI）为", NULL, "%", "pmi.manufacturing", "PMI"},
        {"製造業採購經理指數", NULL, "%", "pmi.manufacturing", "traditional"},
        {"非制造业商务活动指数为", NULL, "%", "pmi.non_manufacturing", "the longer alias"},
        {"全国电影总票房", NULL, "元", "culture.box_office", "box office"},
        {"全國電影總票房", NULL, "元", "culture.box_office", "traditional"},
        {"专精特新“小巨人”企业", NULL, "家", "sme.little_giants", "专精特新"},
        /* two names joined by 和 before one figure: both together, not the last name's metric */
        {"科技和创新型中小企业超", NULL, "家", NULL, "two kinds counted together"},
        {"燃油车和新能源汽车产量", NULL, "辆", NULL, "A和B产量: a joint figure"},
        {"，新能源汽车产量", NULL, "辆", "nev.production", "after a comma: the metric itself"},
        {"國內出遊人次", NULL, "人次", "tourism.domestic_trips", "tourism, traditional"},
        {"新建商品房销售面积", NULL, "平方米", "housing.sales_area", "housing"},
        {"算力总规模达到", NULL, "EFLOPS", "infra.compute_capacity", "compute"},
        {"千兆宽带用户", NULL, "户", "infra.gigabit_users", "gigabit"},
        {"高技术制造业增加值同比增长", NULL, "%", "industry.high_tech_manufacturing_growth",
         "the narrower metric, not its tail (制造业增加值)"},
        /* a change on another base is not the year-on-year metric */
        {"全国居民消费价格同比上涨", NULL, "%", "prices.cpi", "CPI year on year"},
        {"全国居民消费价格环比上涨", NULL, "%", NULL, "month on month is another metric"},
        {"居民消費價格按月上升", NULL, "%", NULL, "traditional month on month"},
        /* growth named by the subject alone */
        {"，同比增长", "社会消费品零售总额", "%", "consumption.retail_sales_growth",
         "a growth rate whose subject is the level's name"},
        {"，按年增長", "社會消費品零售總額", "%", "consumption.retail_sales_growth", "traditional"},
        {"，同比增长", NULL, "%", NULL, "no subject: no metric"},
        {"，同比增长", "人工智能", "%", NULL, "a subject that names no level metric"},
        {"，环比增长", "国内生产总值", "%", NULL, "growth on another base"},
    };
    for (guint i = 0; i < G_N_ELEMENTS(cases); i++)
        is_match(cases[i].context, cases[i].subject, cases[i].unit, cases[i].want, cases[i].why);

    /* A list member is named by itself before the list's shared words. */
    const JbMetric *m = jb_dict_match_in(dict, "服务业生产指数分别同比增长", "社会消费品零售总额",
                                         "%", FALSE);
    is_str(m ? m->id : NULL, "consumption.retail_sales_growth", "a 分别 member names its metric");

    /* A phrase two metrics of one unit claim goes to the later (a project's own metric over
     * the shipped one it extends); in another unit it is another metric. */
    static const char DUP[] = "[a.x]\nlabel=甲\nunit=元\naliases=销售额;营收\n"
                              "[b.y]\nlabel=乙\nunit=元\naliases=利润;营收\n"
                              "[c.z]\nlabel=丙\nunit=%\naliases=营收\n";
    g_autoptr(JbDict) dd = jb_dict_parse("d.ini", DUP, sizeof DUP - 1, NULL);
    const JbMetric *later = dd ? jb_dict_match(dd, "全年营收", NULL, "元") : NULL;
    is_str(later ? later->id : NULL, "b.y", "a phrase claimed twice goes to the later metric");
    const JbMetric *pct = dd ? jb_dict_match(dd, "全年营收", NULL, "%") : NULL;
    is_str(pct ? pct->id : NULL, "c.z", "and in another unit to that unit's");
    static const char GROWTH[] = "[a.x]\nlabel=甲\nunit=%\ngrowth_of=a.nothing\naliases=营收\n";
    g_autoptr(GError) ge = NULL;
    g_autoptr(JbDict) dg = jb_dict_parse("d.ini", GROWTH, sizeof GROWTH - 1, &ge);
    ok(!dg && ge && strstr(ge->message, "growth_of 'a.nothing' is not a metric"),
       "growth_of naming no metric is an error: %s", ge ? ge->message : "(none)");

    /* Whose figure: a scope names places of [scope] places, or is any alone; the owner of a
     * statement decides between metrics of the home economy and a place's own. */
    static const char SCOPE[] = "[scope]\nplaces=甲国;乙岛\nhome=我国\nmeasures=出口;进口\n"
                                "[a.gdp]\nlabel=增长\nunit=%\naliases=经济增长;进口增长\n"
                                "[b.gdp]\nlabel=乙岛增长\nunit=%\nscope=乙岛\naliases=本地增长\n"
                                "[c.idx]\nlabel=指数\nunit=点\nscope=any\naliases=甲指\n";
    g_autoptr(JbDict) ds = jb_dict_parse("s.ini", SCOPE, sizeof SCOPE - 1, NULL);
    ok(ds != NULL, "a dictionary with [scope] loads");
    struct {
        const char *sentence, *id, *want_in, *why;
    } scoped[] = {
        {"甲国二季度经济增长3%", "a.gdp", "no", "another economy named before the alias"},
        {"我国二季度经济增长3%", "a.gdp", "yes", "the home economy"},
        {"甲国公布，二季度经济增长3%", "a.gdp", "no", "a place opening the clause before"},
        {"受甲国影响，二季度经济增长3%", "a.gdp", "yes", "a place that is no clause's owner"},
        {"我国对甲国出口增长3%", "a.gdp", "yes", "a place after a preposition is no owner"},
        {"乙岛二季度本地增长3%", "b.gdp", "yes", "a place's own metric"},
        {"我国二季度本地增长3%", "b.gdp", "no", "the home economy is not the place's"},
        {"甲国股市上涨，甲指报300点", "c.idx", "yes", "scope=any: anyone's"},
        {"钢材出口增长5%，进口增长3%", "a.gdp", "no", "a measure's owner carried: 钢材's"},
        {"其中出口增长5%，进口增长3%", "a.gdp", "yes", "a measure after a link word: the whole"},
        {"二季度出口增长5%，进口增长3%", "a.gdp", "yes", "a measure after time words only"},
    };
    for (guint i = 0; ds && i < G_N_ELEMENTS(scoped); i++) {
        const char *s = scoped[i].sentence;
        const char *at = s + strlen(s) - strlen("3%");
        gboolean in = jb_dict_in_scope(ds, jb_dict_get(ds, scoped[i].id), s, at, NULL);
        is_str(in ? "yes" : "no", scoped[i].want_in, "%s: %s", scoped[i].why, s);
    }
    /* A region of the home economy owns a home metric's figure as that region's: the
     * statement is in scope, and the region's first name comes back (ids: a.gdp@丙省). */
    static const char REGION[] = "[scope]\nplaces=甲国\nhome=我国;全市场\n"
                                 "regions=丙省|丙|全省|我省;丁市|丁\n"
                                 "[a.gdp]\nlabel=增长\nunit=%\naliases=经济增长\n"
                                 "[b.gdp]\nlabel=甲国增长\nunit=%\nscope=甲国\naliases=甲增长\n"
                                 "[c.idx]\nlabel=指数\nunit=点\nscope=any\naliases=甲指\n";
    g_autoptr(JbDict) dr = jb_dict_parse("r.ini", REGION, sizeof REGION - 1, NULL);
    ok(dr != NULL, "a dictionary with [scope] regions loads");
    struct {
        const char *sentence, *id, *want;
    } regional[] = {
        {"丙省二季度经济增长3%", "a.gdp", "in 丙省"},
        {"丙二季度经济增长3%", "a.gdp", "in 丙省"},   /* another name of the region */
        {"全省二季度经济增长3%", "a.gdp", "in 丙省"}, /* (a generic word, as the file groups it) */
        {"丁市公布，二季度经济增长3%", "a.gdp", "in 丁市"},
        {"我国二季度经济增长3%", "a.gdp", "in"},
        {"丙省、我国二季度经济增长3%", "a.gdp", "in"}, /* the last owner before the alias */
        {"全市场二季度经济增长3%", "a.gdp", "in"},     /* a longer home word: no 全市 */
        {"丙省二季度甲增长3%", "b.gdp", "out"},        /* a region is no other place */
        {"丙省股市上涨，甲指报3%", "c.idx", "in"},     /* anyone's: no region */
    };
    for (guint i = 0; dr && i < G_N_ELEMENTS(regional); i++) {
        const char *s = regional[i].sentence;
        const char *at = s + strlen(s) - strlen("3%");
        const char *region = "unset";
        gboolean in = jb_dict_in_scope(dr, jb_dict_get(dr, regional[i].id), s, at, &region);
        g_autofree char *got = !in      ? g_strdup("out")
                               : region ? g_strdup_printf("in %s", region)
                                        : g_strdup("in");
        is_str(got, regional[i].want, "region of: %s", s);
    }
    ok(dr && jb_dict_get(dr, "a.gdp@丙省") == jb_dict_get(dr, "a.gdp"), "ID@REGION is ID's metric");
    ok(dr && !jb_dict_get(dr, "a.gdp@") && !jb_dict_get(dr, "@丙省") &&
           !jb_dict_get(dr, "x.y@丙省"),
       "…but not an empty region, an empty id or an unknown one");
    static const char BADSCOPE[] = "[scope]\nplaces=甲国\n[a.x]\nlabel=甲\nunit=%\nscope=火星\n";
    g_autoptr(GError) se = NULL;
    g_autoptr(JbDict) dbad = jb_dict_parse("s.ini", BADSCOPE, sizeof BADSCOPE - 1, &se);
    ok(!dbad && se && strstr(se->message, "[a.x]: scope '火星'"),
       "a scope that is no place is an error: %s", se ? se->message : "(none)");
    jb_dict_free(dict);
    return tap_done();
}
