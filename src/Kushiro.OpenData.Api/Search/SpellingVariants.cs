namespace Kushiro.OpenData.Api.Search;

/// <summary>
/// Spellings a search reads as one, chosen by this project (editorial): old character forms (旧字体) as their new ones,
/// character by character, and a few words Japanese writes several ways, where a researcher searching one spelling
/// means them all (子供 finds the plan's 子ども). Both tables are small on purpose: each entry is a spelling met in
/// official Japanese text, not a thesaurus.
/// </summary>
public static class SpellingVariants
{
    /// <summary>
    /// Old forms (旧字体) and their new forms, in pairs: the brackets of the 常用漢字表 for the characters met in names
    /// and older documents (3-3-1 is written 適應 in the source: 適応 finds it). One character for one, so a snippet's
    /// marks stay in place; folded in text and query alike, so the old form finds the new one too.
    /// </summary>
    private const string OldAndNewForms =
        "亞亜惡悪壓圧圍囲爲為醫医壹壱隱隠榮栄營営衞衛驛駅圓円鹽塩奧奥應応歐欧毆殴櫻桜假仮價価畫画會会壞壊懷懐繪絵擴拡"
        + "殼殻覺覚學学嶽岳樂楽勸勧卷巻歡歓觀観關関陷陥顏顔歸帰氣気龜亀僞偽戲戯犧犠舊旧據拠擧挙峽峡挾挟狹狭曉暁區区"
        + "驅駆勳勲徑径惠恵溪渓經経繼継莖茎螢蛍輕軽鷄鶏藝芸缺欠儉倹劍剣圈圏檢検權権獻献險険顯顕驗験嚴厳效効廣広恆恒"
        + "鑛鉱號号國国濟済碎砕齋斎劑剤雜雑參参慘惨棧桟蠶蚕贊賛殘残絲糸齒歯兒児辭辞濕湿實実舍舎寫写釋釈壽寿收収從従"
        + "澁渋獸獣縱縦肅粛處処緖緒敍叙奬奨將将燒焼稱称證証乘乗剩剰壤壌孃嬢條条淨浄疊畳讓譲釀醸囑嘱觸触寢寝愼慎眞真"
        + "盡尽圖図粹粋醉酔隨随髓髄數数樞枢聲声靜静齊斉攝摂專専戰戦淺浅潛潜纖繊踐践錢銭禪禅雙双壯壮搜捜插挿爭争總総"
        + "聰聡莊荘裝装騷騒藏蔵臟臓屬属續続墮堕體体對対帶帯滯滞臺台瀧滝擇択澤沢單単擔担膽胆團団彈弾斷断遲遅晝昼蟲虫"
        + "鑄鋳廳庁聽聴鎭鎮遞逓鐵鉄轉転點点傳伝黨党盜盗燈灯當当鬪闘獨独讀読貳弐惱悩腦脳霸覇廢廃拜拝賣売麥麦發発髮髪"
        + "拔抜蠻蛮祕秘濱浜拂払佛仏竝並變変邊辺辨弁瓣弁辯弁舖舗寶宝豐豊沒没萬万滿満默黙譯訳藥薬豫予餘余與与譽誉搖揺"
        + "樣様謠謡來来賴頼亂乱覽覧兩両獵猟壘塁勵励禮礼隸隷靈霊齡齢戀恋爐炉勞労樓楼錄録灣湾黑黒德徳步歩每毎淸清靑青"
        + "卽即旣既槪概曆暦歷歴狀状郞郎涉渉戾戻硏研鄕郷黃黄";

    private static readonly Dictionary<char, char> NewForm = Enumerable.Range(0, OldAndNewForms.Length / 2)
        .ToDictionary(i => OldAndNewForms[2 * i], i => OldAndNewForms[2 * i + 1]);

    private static readonly System.Buffers.SearchValues<char> OldForms = System.Buffers.SearchValues.Create([.. NewForm.Keys]);

    /// <summary>The text with each old form written in its new form; the same length.</summary>
    public static string WithNewForms(string text) =>
        text.AsSpan().IndexOfAny(OldForms) < 0
            ? text
            : string.Create(text.Length, text, (span, source) =>
            {
                for (var i = 0; i < source.Length; i++)
                {
                    span[i] = NewForm.GetValueOrDefault(source[i], source[i]);
                }
            });

    /// <summary>
    /// Words written several ways in official text: one group per word. The seed writes 子ども, 障がい (and 障害 once),
    /// 空家, 受入 and both 取組 and 取り組み; the others are how people search for them. Kanji numerals only where the
    /// source writes one (第二創業, 二地域居住): 二 inside other words (二酸化炭素) is no number to fold.
    /// </summary>
    private static readonly string[][] Words =
    [
        ["子ども", "子供", "こども"],
        ["障がい", "障害", "障碍"],
        ["空き家", "空家"],
        ["受け入れ", "受入れ", "受入"],
        ["取り組み", "取組み", "取組"],
        ["第二創業", "第2創業"],
        ["二地域居住", "2地域居住"],
        ["第2期", "第二期"],
    ];

    // Folded as queries are, so that the table can be written as the source writes its words.
    private static readonly (string Spelling, string[] Group)[] Spellings =
    [
        .. Words.Select(g => g.Select(SearchText.Fold).ToArray())
            .SelectMany(g => g.Select(s => (s, g)))
            .OrderByDescending(s => s.s.Length),
    ];

    // A term of many variant words could multiply its spellings; a query holds at most 200 characters anyway.
    private const int MaxSpellings = 64;

    /// <summary>
    /// A folded term and its other spellings: each word of the table in it, written each way the table knows
    /// (子供の → 子供の, 子どもの, こどもの). Words are read from the left, the longest first (受入れ is one word, not 受入
    /// and れ). A term without any is the only spelling of itself.
    /// </summary>
    public static IReadOnlyList<string> Of(string term)
    {
        for (var at = 0; at < term.Length; at++)
        {
            foreach (var (spelling, group) in Spellings)
            {
                if (term.AsSpan(at).StartsWith(spelling, StringComparison.Ordinal))
                {
                    // The term's own spelling first, so that it is always among those kept.
                    var rest = Of(term[(at + spelling.Length)..]);
                    return [.. group.Where(w => w != spelling).Prepend(spelling).SelectMany(word => rest.Select(r => term[..at] + word + r)).Take(MaxSpellings)];
                }
            }
        }
        return [term];
    }
}
