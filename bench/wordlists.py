"""Word lists the benchmarks compose names, places and sentences from (written for them)."""

FIRST = """James Mary John Patricia Robert Jennifer Michael Linda William Elizabeth David Barbara
Richard Susan Joseph Jessica Thomas Sarah Charles Karen Daniel Nancy Matthew Lisa Anthony Betty
Mark Margaret Donald Sandra Steven Ashley Paul Kimberly Andrew Emily Joshua Donna Kenneth Michelle
Kevin Carol Brian Amanda George Melissa Timothy Deborah Ronald Stephanie Jason Rebecca Edward Laura
Jeffrey Helen Ryan Sharon Jacob Cynthia Gary Kathleen Nicholas Amy Eric Shirley Jonathan Angela
Stephen Anna Larry Ruth Justin Brenda Scott Pamela Brandon Nicole Benjamin Katherine Samuel
Virginia Gregory Catherine Frank Christine Alexander Samantha Raymond Debra Patrick Janet Jack
Rachel Dennis Carolyn Jerry Emma Tyler Maria Aaron Heather José François Zoë Łukasz Søren Ngozi
Chidi Aiyana Haruto Yuki Mei Wei Priya Arjun Aditi Rahul Fatima Omar Layla Youssef Amara Kwame
Ingrid Björn Åsa Mikael Sven Olga Dmitri Ivana Milan Zoran Nikolai Volodymyr Oksana Andriy Ewa
Krzysztof Agnieszka Tomás Inés Álvaro Lucía Joaquín Renée Hélène Noël Chloé Émile Gaël Thérèse
Jürgen Günter Jörg Käthe Mónica Raúl Sebastián Ximena Thiago Camila Mateus Leilani Kai Moana
Tane Aroha Siosaia Mele Ana Malia Lorenzo Giulia Matteo Chiara Niccolò Ilaria Kofi Abena Yaw
Esi Kojo Efua Tariq Nadia Samir Leila Rashid Hana Kenji Sakura Takumi Aoi Minho Jiwoo Seo""".split()
LAST = """Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez
Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris
Sanchez Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill
Flores Green Adams Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Guterres Zelensky
Dujarric Müller Schäfer Bäcker Ødegaard Østergaard Łukaszewski Wójcik Kowalski Nowak Dvořák
Novák Horváth Kovačević Petrović Jovanović Ivanova Smirnov Kuznetsov Popov Sokolov Lebedev
Kozlov Novikov Morozov Shevchenko Bondarenko Kovalenko Tkachenko Kravchenko Oliynyk Lysenko
Rudenko Savchenko Pereira Gonçalves Araújo Ribeiro Carvalho Gomes Martins Rocha Sousa Almeida
Fernández Jiménez Muñoz Álvarez Romero Navarro Domínguez Gutiérrez Ruiz Díaz Moreno Núñez
Rossi Russo Ferrari Esposito Bianchi Romano Colombo Ricci Marino Greco Bruno Gallo Conti
DeLuca Mancini Costa Giordano Rizzo Lombardi Moretti Barbieri Fontana Santoro Mariani Rinaldi
Caruso Ferrara Galli Martini Leone Longo Gentile Martinelli Vitale Lombardo Serra Coppola
DeSantis Dubois Lefèvre Lefebvre Mercier Girard Bonnet Chevalier François Rousseau Fournier
Okafor Okonkwo Adeyemi Mensah Owusu Boateng Asante Osei Nkosi Dlamini Ndlovu Khumalo Mokoena
Tanaka Suzuki Takahashi Watanabe Yamamoto Nakamura Kobayashi Kato Yoshida Yamada Sasaki Kim
Park Choi Jung Kang Cho Yoon Jang Lim Han Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun
Ma Zhu Hu Guo He Lin Luo Singh Kumar Sharma Patel Gupta Reddy Iyer Nair Menon Rao Das Bose
Chatterjee Mukherjee Banerjee Khan Ahmed Hussain Rahman Ali Hassan Ibrahim Mahmoud Haddad Khoury
Nasser Saleh Aziz Karimi Hosseini Rahimi Moradi Jafari Yilmaz Kaya Demir Şahin Çelik Yıldız
Öztürk Aydın Özdemir Arslan Doğan Kılıç Aslan Larsen Hansen Nielsen Jensen Pedersen Andersen
Kristiansen Johansson Karlsson Nilsson Eriksson Larsson Olsson Persson Svensson Gustafsson
Lindqvist Lindberg Virtanen Korhonen Mäkinen Nieminen Hämäläinen Koskinen Heikkinen""".split()
ADJ = """new old national regional local global economic political social public private
humanitarian military civil foreign domestic urban rural coastal northern southern eastern
western central federal municipal digital green renewable nuclear strategic emergency annual
historic rising falling sharp quiet fragile lasting temporary permanent unexpected""".split()
NOUN = """evacuation ceasefire budget election policy reform strike protest vaccine harbour bridge
railway airport tariff subsidy pension housing drought flood wildfire earthquake ceasefire
convoy corridor sanction summit treaty negotiation referendum inquiry verdict sentencing trial
appeal investment merger layoff dividend inflation recession recovery growth deficit surplus
tourism festival exhibition museum stadium championship tournament transfer season coach league
hospital clinic school university research discovery villa excavation telescope satellite
mission launch reactor pipeline refinery mine forest river reservoir council parliament ministry""".split()
ORG = """Council Ministry Board Agency Commission Authority Union Party Institute Foundation Bank
Group Association Federation Court Trust Service Office Bureau Alliance""".split()
PLACE = """Kyiv Mariupol Geneva Brussels Nairobi Lagos Accra Lima Quito Oslo Bergen Turku Kraków
Gdańsk Poznań Brno Plzeň Zagreb Split Sarajevo Skopje Tirana Tbilisi Yerevan Baku Almaty Tashkent
Dhaka Chennai Pune Kochi Colombo Kandy Hanoi Huế Manila Cebu Osaka Sapporo Busan Incheon Perth
Hobart Rotorua Dunedin Wellington Auckland Cape Town Durban Windhoek Lusaka Harare Maputo""".split()
