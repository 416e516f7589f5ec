import { EVERYONE, WOMEN, type LeafSpec } from './common';

const CARE_BRANDS = ['Florelle', 'Pure Botanica', 'Dewdrop', 'Maison Lumi', 'Verdant', 'Oakmoss'];
const HOME_BRANDS = ['Hearth & Home', 'Copperpot', 'Nestwell', 'Lumen Lane', 'Kiln & Co', 'Greyfriars'];
const SPORT_BRANDS = ['Summit Gear', 'Trailhead', 'Vantage Sports', 'Pulsefit', 'Apex Outdoor', 'Kinetic'];
const TECH_BRANDS = ['Voltra', 'Sonique', 'Aurion', 'Nimbus', 'Quanta', 'Pixelwave', 'Tessera'];
const PUBLISHERS = ['Lantern Press', 'Harbourside Books', 'Quill & Ink', 'Northlight Publishing', 'Meridian House'];
const TOY_BRANDS = ['Tinkerbox', 'Playfield', 'Puzzle Harbour', 'Bright Minds', 'Woolly Friends'];
const HOME_WORDS = ['Classic', 'Modern', 'Rustic', 'Scandi', 'Everyday', 'Professional', 'Compact', 'Premium'];
const SPORT_WORDS = ['Pro', 'Training', 'Endurance', 'Club', 'Elite', 'Lightweight', 'All-Weather'];

export const LIFESTYLE_LEAVES: readonly LeafSpec[] = [
  {
    path: ['Personal Care', 'Fragrance', 'Perfume and Body Mist'], weight: 3, nouns: ['Eau de Parfum', 'Eau de Toilette', 'Body Mist'],
    brands: CARE_BRANDS, adjectives: ['Amber', 'Velvet', 'Citrus', 'Midnight', 'Garden', 'Ocean'], price: [20, 140], option: 'volume', audience: EVERYONE,
    attributes: { 'Fragrance Family': ['Floral', 'Woody', 'Citrus', 'Oriental', 'Fresh'], Concentration: ['Eau de Parfum', 'Eau de Toilette', 'Body Mist'] },
    features: ['Top notes of bergamot open onto a warm heart', 'Long-lasting and made for every day', 'Bottled in recycled glass', 'Cruelty-free and vegan'],
  },
  {
    path: ['Personal Care', 'Skin Care', 'Face Moisturisers'], weight: 3, nouns: ['Face Cream', 'Gel Moisturiser', 'Night Cream', 'Day Cream SPF 30'],
    brands: CARE_BRANDS, adjectives: ['Hydrating', 'Gentle', 'Nourishing', 'Radiant', 'Soothing', 'Daily'], price: [9, 60], option: 'none',
    attributes: { 'Skin Type': ['Dry', 'Oily', 'Combination', 'Sensitive', 'All Skin Types'], 'Key Ingredient': ['Hyaluronic Acid', 'Niacinamide', 'Vitamin C', 'Ceramides', 'Aloe Vera'], Volume: ['50 ml', '75 ml'] },
    features: ['Absorbs quickly without a greasy feel', 'Dermatologically tested on sensitive skin', 'Fragrance-free formula', 'Locks in moisture for 24 hours'],
  },
  {
    path: ['Personal Care', 'Lips', 'Lipstick'], weight: 2, nouns: ['Matte Lipstick', 'Satin Lipstick', 'Liquid Lipstick', 'Tinted Lip Balm'],
    brands: CARE_BRANDS, adjectives: ['Velvet', 'Long-Wear', 'Creamy', 'Bold'], price: [8, 35], option: 'shade', audience: WOMEN,
    attributes: { Finish: ['Matte', 'Satin', 'Gloss'], 'Key Ingredient': ['Shea Butter', 'Vitamin E', 'Jojoba Oil'] },
    features: ['Rich colour in a single swipe', 'Stays put for up to eight hours', 'Enriched with shea butter'],
  },
  {
    path: ['Personal Care', 'Hair', 'Shampoo'], weight: 2, nouns: ['Shampoo', 'Conditioner', 'Hair Mask', 'Leave-In Conditioner'],
    brands: CARE_BRANDS, adjectives: ['Repairing', 'Volumising', 'Gentle', 'Smoothing', 'Clarifying'], price: [5, 30], option: 'none',
    attributes: { 'Hair Type': ['Dry', 'Curly', 'Fine', 'Coloured', 'All Hair Types'], Volume: ['250 ml', '400 ml'] },
    features: ['Sulphate-free and gentle enough for daily use', 'Leaves hair soft and easy to comb', 'Made with plant-based ingredients'],
  },
  {
    path: ['Home', 'Kitchen', 'Cookware'], weight: 3, nouns: ['Frying Pan', 'Saucepan', 'Casserole', 'Wok', 'Griddle Pan'],
    brands: HOME_BRANDS, adjectives: HOME_WORDS, price: [20, 180], option: 'panSize',
    attributes: { Material: ['Cast Iron', 'Stainless Steel', 'Non-Stick Aluminium', 'Carbon Steel'], 'Induction Compatible': ['Yes', 'No'], 'Oven Safe': ['Yes', 'No'] },
    features: ['Heats evenly with no hot spots', 'Oven safe up to 250 °C', 'A riveted handle stays cool on the hob', 'Dishwasher safe'],
  },
  {
    path: ['Home', 'Kitchen', 'Small Appliances'], weight: 3, nouns: ['Kettle', 'Toaster', 'Blender', 'Coffee Maker', 'Hand Mixer'],
    brands: HOME_BRANDS, adjectives: HOME_WORDS, price: [25, 250], option: 'colour',
    attributes: { Power: ['800 W', '1200 W', '1500 W', '2200 W'], Warranty: ['1 Year', '2 Years', '3 Years'] },
    features: ['Boils a full jug in under four minutes', 'Brushed steel that is easy to wipe clean', 'Automatic shut-off for safety', 'Cord storage keeps the worktop tidy'],
  },
  {
    path: ['Home', 'Home Furnishing', 'Cushion Covers'], weight: 2, nouns: ['Cushion Cover', 'Throw Pillow Cover', 'Velvet Cushion Cover'],
    brands: HOME_BRANDS, adjectives: ['Boho', 'Scandi', 'Textured', 'Classic', 'Embroidered'], price: [8, 35], option: 'colour',
    attributes: { Material: ['Cotton', 'Linen', 'Velvet', 'Wool Blend'], Size: ['40 x 40 cm', '45 x 45 cm', '50 x 50 cm'] },
    features: ['A hidden zip for a clean finish', 'Washable at 30 °C', 'Adds texture to any sofa'],
  },
  {
    path: ['Home', 'Home Furnishing', 'Bedding'], weight: 2, nouns: ['Duvet Cover Set', 'Fitted Sheet', 'Pillowcase Pair', 'Flat Sheet'],
    brands: HOME_BRANDS, adjectives: ['Crisp', 'Soft', 'Hotel', 'Classic', 'Organic'], price: [25, 160], option: 'bedSize', coloured: true,
    attributes: { 'Thread Count': ['200', '300', '400', '600'], Material: ['Cotton Percale', 'Cotton Sateen', 'Linen', 'Bamboo'] },
    features: ['Breathable cotton for a cool night', 'Deep pockets fit mattresses up to 35 cm', 'Gets softer with every wash'],
  },
  {
    path: ['Home', 'Decor', 'Lamps'], weight: 2, nouns: ['Table Lamp', 'Floor Lamp', 'Desk Lamp', 'Bedside Lamp'],
    brands: HOME_BRANDS, adjectives: HOME_WORDS, price: [25, 200], option: 'colour',
    attributes: { 'Bulb Type': ['E27', 'E14', 'Integrated LED'], Dimmable: ['Yes', 'No'], Material: ['Ceramic', 'Metal', 'Wood', 'Glass'] },
    features: ['A warm, glare-free light', 'A weighted base keeps it steady', 'An inline switch within easy reach'],
  },
  {
    path: ['Sporting Goods', 'Sports Equipment', 'Footballs'], weight: 2, nouns: ['Football', 'Training Ball', 'Match Ball'],
    brands: SPORT_BRANDS, adjectives: SPORT_WORDS, price: [12, 90], option: 'ballSize',
    attributes: { Surface: ['Grass', 'Artificial Turf', 'Indoor'], Construction: ['Machine Stitched', 'Hand Stitched', 'Thermo Bonded'] },
    features: ['Holds its shape and pressure match after match', 'A textured cover for better touch', 'Butyl bladder for air retention'],
  },
  {
    path: ['Sporting Goods', 'Fitness', 'Yoga Mats'], weight: 2, nouns: ['Yoga Mat', 'Travel Yoga Mat', 'Exercise Mat'],
    brands: SPORT_BRANDS, adjectives: ['Grip', 'Eco', 'Cushioned', 'Travel', 'Studio'], price: [15, 90], option: 'colour',
    attributes: { Thickness: ['3 mm', '4 mm', '6 mm', '8 mm'], Material: ['TPE', 'Natural Rubber', 'PVC', 'Cork'] },
    features: ['A non-slip surface even in hot classes', 'Light enough to carry to the studio', 'Closed-cell surface that wipes clean'],
  },
  {
    path: ['Sporting Goods', 'Fitness', 'Dumbbells'], weight: 2, nouns: ['Dumbbell Pair', 'Hex Dumbbells', 'Kettlebell'],
    brands: SPORT_BRANDS, adjectives: SPORT_WORDS, price: [15, 120], option: 'weight',
    attributes: { Material: ['Cast Iron', 'Rubber Coated', 'Neoprene'] },
    features: ['A knurled handle for a secure grip', 'Rubber coating protects your floor', 'Hex heads stop them rolling away'],
  },
  {
    path: ['Sporting Goods', 'Camping', 'Tents'], weight: 2, nouns: ['Dome Tent', 'Backpacking Tent', 'Family Tent', 'Pop-Up Tent'],
    brands: SPORT_BRANDS, adjectives: ['Lightweight', 'Alpine', 'Family', 'All-Season', 'Trail'], price: [60, 450], option: 'none',
    attributes: { Capacity: ['1 Person', '2 Person', '4 Person', '6 Person'], Season: ['3-Season', '4-Season'], 'Packed Weight': ['1.2 kg', '2.5 kg', '4.8 kg', '9 kg'] },
    features: ['Pitches in under five minutes', 'A waterproof flysheet with taped seams', 'Two doors and two porches', 'Colour-coded poles'],
  },
  {
    path: ['Sporting Goods', 'Cycling', 'Bike Helmets'], weight: 2, nouns: ['Road Helmet', 'MTB Helmet', 'Commuter Helmet'],
    brands: SPORT_BRANDS, adjectives: ['Aero', 'Trail', 'Urban', 'Lightweight'], price: [30, 180], option: 'apparelSize', coloured: true,
    attributes: { Certification: ['EN 1078', 'CPSC'], Vents: ['12', '18', '24'] },
    features: ['A dial fit system adjusts on the go', 'Integrated rear light for dark commutes', 'Removable, washable pads'],
  },
  {
    path: ['Electronics', 'Audio', 'Headphones'], weight: 4, nouns: ['Wireless Headphones', 'Noise-Cancelling Headphones', 'Earbuds', 'Over-Ear Headphones'],
    brands: TECH_BRANDS, adjectives: [], price: [25, 400], option: 'colour', naming: 'model',
    attributes: { Connectivity: ['Bluetooth 5.3', 'Bluetooth 5.0', 'Wired'], 'Battery Life': ['20 h', '30 h', '40 h', '60 h'], 'Noise Cancelling': ['Active', 'Passive'] },
    features: ['Active noise cancelling blocks out the commute', 'Fast charging: ten minutes for three hours of play', 'Multipoint pairing with two devices', 'Soft memory-foam ear cushions'],
  },
  {
    path: ['Electronics', 'Audio', 'Speakers'], weight: 2, nouns: ['Bluetooth Speaker', 'Smart Speaker', 'Soundbar'],
    brands: TECH_BRANDS, adjectives: [], price: [30, 500], option: 'colour', naming: 'model',
    attributes: { Connectivity: ['Bluetooth 5.3', 'Wi-Fi', 'HDMI eARC'], 'Water Resistance': ['IPX4', 'IP67', 'None'], Power: ['10 W', '20 W', '40 W', '120 W'] },
    features: ['Room-filling sound with deep bass', 'Waterproof for the pool and the beach', 'Pair two for stereo'],
  },
  {
    path: ['Electronics', 'Phones', 'Smartphones'], weight: 3, nouns: ['Smartphone', '5G Smartphone'],
    brands: TECH_BRANDS, adjectives: [], price: [150, 1200], option: 'storage', naming: 'model',
    attributes: { 'Screen Size': ['6.1 in', '6.4 in', '6.7 in'], Camera: ['48 MP', '50 MP', '108 MP', '200 MP'], Battery: ['4000 mAh', '4500 mAh', '5000 mAh'], 'Operating System': ['Android'] },
    features: ['A bright OLED display at 120 Hz', 'A triple camera that shines at night', 'All-day battery with fast charging', 'Five years of security updates'],
  },
  {
    path: ['Electronics', 'Computers', 'Laptops'], weight: 3, nouns: ['Laptop', 'Ultrabook', 'Gaming Laptop', '2-in-1 Laptop'],
    brands: TECH_BRANDS, adjectives: [], price: [450, 2500], option: 'storage', naming: 'model',
    attributes: { 'Screen Size': ['13.3 in', '14 in', '15.6 in', '16 in'], Processor: ['8-core', '10-core', '12-core'], RAM: ['8 GB', '16 GB', '32 GB'] },
    features: ['An aluminium unibody under 1.4 kg', 'Up to 14 hours of battery life', 'A backlit keyboard with a precise touchpad', 'Two USB-C ports with charging'],
  },
  {
    path: ['Electronics', 'Wearables', 'Smartwatches'], weight: 2, nouns: ['Smartwatch', 'Fitness Tracker', 'GPS Sports Watch'],
    brands: TECH_BRANDS, adjectives: [], price: [40, 450], option: 'colour', naming: 'model',
    attributes: { Display: ['AMOLED', 'LCD', 'Memory-in-Pixel'], 'Battery Life': ['2 days', '7 days', '14 days'], 'Water Resistance': ['5 ATM', '10 ATM'] },
    features: ['Heart rate and sleep tracking around the clock', 'Built-in GPS for runs without a phone', 'Notifications at a glance'],
  },
  {
    path: ['Books', 'Fiction', 'Novels'], weight: 3, nouns: ['Novel'], brands: PUBLISHERS, adjectives: [], price: [8, 28], option: 'format', naming: 'book',
    attributes: { Genre: ['Literary Fiction', 'Historical Fiction', 'Romance', 'Fantasy'], Language: ['English'], Pages: ['224', '288', '352', '416'] },
    features: ['A sweeping story of family, loss and hope', 'Shortlisted for a national fiction prize', 'A page-turner from the first chapter'],
  },
  {
    path: ['Books', 'Fiction', 'Crime and Thrillers'], weight: 2, nouns: ['Thriller'], brands: PUBLISHERS, adjectives: [], price: [8, 25], option: 'format', naming: 'book',
    attributes: { Genre: ['Crime', 'Psychological Thriller', 'Mystery'], Language: ['English'], Pages: ['256', '320', '384'] },
    features: ['A detective story with a twist you will not see coming', 'Tense, clever and impossible to put down'],
  },
  {
    path: ['Books', 'Non-Fiction', 'Cookbooks'], weight: 2, nouns: ['Cookbook'], brands: PUBLISHERS, adjectives: [], price: [12, 40], option: 'format', naming: 'book',
    attributes: { Cuisine: ['Italian', 'Vegetarian', 'Baking', 'Middle Eastern', 'Japanese'], Language: ['English'], Pages: ['192', '256', '320'] },
    features: ['Over a hundred recipes for every day', 'Step-by-step photographs for every dish', 'Seasonal ideas from a celebrated chef'],
  },
  {
    path: ['Toys and Games', 'Games', 'Board Games'], weight: 2, nouns: ['Strategy Game', 'Family Board Game', 'Party Game', 'Cooperative Game'],
    brands: TOY_BRANDS, adjectives: ['Classic', 'Deluxe', 'Family', 'Travel'], price: [15, 70], option: 'none',
    attributes: { Players: ['1-4', '2-4', '2-6', '3-8'], Age: ['6+', '8+', '10+', '12+', '14+'], 'Playing Time': ['20 min', '45 min', '90 min'] },
    features: ['Easy to learn, hard to master', 'Beautifully illustrated cards and boards', 'Every game plays out differently'],
  },
  {
    path: ['Toys and Games', 'Games', 'Jigsaw Puzzles'], weight: 1, nouns: ['Jigsaw Puzzle'], brands: TOY_BRANDS, adjectives: ['Landscape', 'Vintage Map', 'Botanical', 'City'], price: [10, 35], option: 'pieces',
    attributes: { Theme: ['Landscapes', 'Maps', 'Art', 'Animals'], Age: ['8+', '12+'] },
    features: ['Thick, precisely cut pieces that fit snugly', 'A poster of the image is included'],
  },
  {
    path: ['Toys and Games', 'Soft Toys', 'Plush Toys'], weight: 1, nouns: ['Plush Bear', 'Plush Fox', 'Plush Dinosaur', 'Plush Rabbit'],
    brands: TOY_BRANDS, adjectives: ['Cuddly', 'Giant', 'Mini', 'Classic'], price: [10, 45], option: 'none',
    attributes: { Height: ['20 cm', '30 cm', '45 cm'], Age: ['0+', '3+'], Material: ['Recycled Polyester', 'Organic Cotton'] },
    features: ['Super-soft and safe from birth', 'Machine washable', 'Embroidered eyes for little ones'],
  },
];
