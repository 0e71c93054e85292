namespace Kushiro.OpenData.Api.Search;

/// <summary>
/// Old character forms (旧字体) as their new ones, as a search reads them, character by character: the 常用漢字表's
/// bracketed forms that NFKC leaves as they are, as far as this project has listed them (it already folds those that
/// Unicode has only as compatibility characters, such as 社 and 神), and 聰. 3-3-1 is written 適應 in the source: 適応 finds it. As in the 常用漢字表,
/// some distinct old characters share a new form (辨, 瓣 and 辯 are all 弁), so they find each other, and so do names
/// written in either form (濱 and 浜, 御嶽 and 御岳). One character for one, so a snippet's marks stay in place.
/// </summary>
public static class OldCharacterForms
{
    // Pairs: each old form, then its new form.
    private const string OldAndNew =
        "亞亜惡悪壓圧圍囲爲為醫医壹壱隱隠榮栄營営衞衛驛駅圓円鹽塩奧奥應応歐欧毆殴櫻桜假仮價価畫画會会壞壊懷懐繪絵擴拡殼殻"
        + "覺覚學学嶽岳樂楽勸勧卷巻歡歓觀観關関陷陥顏顔歸帰氣気龜亀僞偽戲戯犧犠舊旧據拠擧挙峽峡挾挟狹狭曉暁區区驅駆勳勲徑径"
        + "惠恵溪渓經経繼継莖茎螢蛍輕軽鷄鶏藝芸缺欠儉倹劍剣圈圏檢検權権獻献險険顯顕驗験嚴厳效効廣広恆恒鑛鉱號号國国濟済碎砕"
        + "齋斎劑剤雜雑參参慘惨棧桟蠶蚕贊賛殘残絲糸齒歯兒児辭辞濕湿實実舍舎寫写釋釈壽寿收収從従澁渋獸獣縱縦肅粛處処緖緒敍叙"
        + "奬奨將将燒焼稱称證証乘乗剩剰壤壌孃嬢條条淨浄疊畳讓譲釀醸囑嘱觸触寢寝愼慎眞真盡尽圖図粹粋醉酔隨随髓髄數数樞枢聲声"
        + "靜静齊斉攝摂專専戰戦淺浅潛潜纖繊踐践錢銭禪禅雙双壯壮搜捜插挿爭争總総聰聡莊荘裝装騷騒藏蔵臟臓屬属續続墮堕體体對対"
        + "帶帯滯滞臺台瀧滝擇択澤沢單単擔担膽胆團団彈弾斷断遲遅晝昼蟲虫鑄鋳廳庁聽聴鎭鎮遞逓鐵鉄轉転點点傳伝黨党盜盗燈灯當当"
        + "鬪闘獨独讀読貳弐惱悩腦脳霸覇廢廃拜拝賣売麥麦發発髮髪拔抜蠻蛮祕秘濱浜拂払佛仏竝並變変邊辺辨弁瓣弁辯弁舖舗寶宝豐豊"
        + "沒没萬万滿満默黙譯訳藥薬豫予餘余與与譽誉搖揺樣様謠謡來来賴頼亂乱覽覧兩両獵猟壘塁勵励禮礼隸隷靈霊齡齢戀恋爐炉勞労"
        + "樓楼錄録灣湾黑黒德徳步歩每毎淸清靑青卽即旣既槪概曆暦歷歴狀状郞郎涉渉戾戻硏研鄕郷黃黄縣県增増綠緑溫温橫横稻稲擊撃"
        + "彌弥徵徴瀨瀬穗穂歲歳緣縁虛虚揭掲攜携寬寛渴渇巢巣曾曽瘦痩晚晩甁瓶麵麺餠餅淚涙鍊錬龍竜薰薫穩穏尙尚屆届繩縄罐缶艷艶頰頬倂併";

    /// <summary>Each old form and its new form.</summary>
    public static IReadOnlyDictionary<char, char> NewFormOf { get; } = Enumerable.Range(0, OldAndNew.Length / 2)
        .ToDictionary(i => OldAndNew[2 * i], i => OldAndNew[2 * i + 1]);

    private static readonly System.Buffers.SearchValues<char> OldForms = System.Buffers.SearchValues.Create([.. NewFormOf.Keys]);

    /// <summary>The text with each old form written in its new form; the same length.</summary>
    public static string Folded(string text) =>
        text.AsSpan().IndexOfAny(OldForms) < 0
            ? text
            : string.Create(text.Length, text, (span, source) =>
            {
                for (var i = 0; i < source.Length; i++)
                {
                    span[i] = NewFormOf.GetValueOrDefault(source[i], source[i]);
                }
            });
}
