### 용어집: 모든 기사에서 같은 표기를 쓰는 이름과 지명. .alt1, .alt2 … 속성은 함께 인정하는 표기.

-tokayev = 카심조마르트 토카예프
    .alt1 = 토카예프
-moon-jae-in = 문재인
    .alt1 = 문 대통령
-hong-beom-do = 홍범도
    .alt1 = 홍 장군
-kazakhstan = 카자흐스탄
-seoul = 서울
-cheong-wa-dae = 청와대
-semipalatinsk = 세미팔라틴스크
-fresh-wind = 프레시 윈드
-fengwudong = 봉오동
-kyzylorda = 크질오르다
-koryo-saram = 고려인
-daejeon = 대전
    .alt1 = 국립대전현충원
